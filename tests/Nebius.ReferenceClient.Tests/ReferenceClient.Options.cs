namespace Nebius.Reference;

/// <summary>Exposes the NSwag client's serializer options, so the tests build bodies exactly as it reads and writes them.</summary>
public partial class ReferenceClient
{
    public System.Text.Json.JsonSerializerOptions SerializerOptions => JsonSerializerSettings;
}
