namespace Nebius.CodeGen.Tests.Compilation;

/// <summary>
/// Compiled into every generated assembly of these tests: a public door to the generated direct path (each
/// model's <c>ReadField</c> and <c>ReadJson</c>, driven by the package's compiled <c>JsonModelReader</c>),
/// so a test can read a payload both ways (the other way being Kiota's own JsonParseNode).
/// </summary>
internal static class DirectReadHarness
{
    public const string TypeName = GeneratedAssembly.RootNamespace + ".Models.DirectReadHarness";

    public static GeneratedFile File { get; } = new("Models/DirectReadHarness.cs", $$""""
        using System.Text;
        using Microsoft.Kiota.Abstractions.Serialization;

        namespace {{GeneratedAssembly.RootNamespace}}.Models
        {
            /// <summary>Test harness: reads JSON through the generated direct path.</summary>
            public static class DirectReadHarness
            {
                /// <summary>Reads <paramref name="json"/> as a model made by <paramref name="factory"/>.</summary>
                /// <typeparam name="T">The model type.</typeparam>
                /// <param name="json">The JSON.</param>
                /// <param name="factory">The model's factory.</param>
                /// <returns>The model.</returns>
                public static T Read<T>(string json, ParsableFactory<T> factory) where T : IParsable =>
                    global::Nebius.TokenFactory.Serialization.JsonModelReader.Read(Encoding.UTF8.GetBytes(json), factory);
            }
        }
        """");
}
