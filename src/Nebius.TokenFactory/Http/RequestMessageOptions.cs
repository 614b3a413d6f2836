using Microsoft.Kiota.Abstractions;

namespace Nebius.TokenFactory.Http;

/// <summary>Reads Kiota request options back from an <see cref="HttpRequestMessage"/> (Kiota stores them by type name).</summary>
internal static class RequestMessageOptions
{
    public static T? Get<T>(this HttpRequestMessage request)
        where T : class, IRequestOption =>
        request.Options.TryGetValue(new HttpRequestOptionsKey<IRequestOption>(typeof(T).FullName!), out var option) ? option as T : null;

    public static void Set<T>(this HttpRequestMessage request, T option)
        where T : class, IRequestOption =>
        request.Options.Set(new HttpRequestOptionsKey<IRequestOption>(typeof(T).FullName!), option);
}
