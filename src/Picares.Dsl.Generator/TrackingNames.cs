namespace Picares.Dsl.Generator;

/// <summary>Names of the pipeline steps, for caching tests (<c>GeneratorRunResult.TrackedSteps</c>).</summary>
public static class TrackingNames
{
    /// <summary>MSBuild options (namespace, project folder).</summary>
    public const string Options = "Options";
    /// <summary>.protocol files read as text.</summary>
    public const string Files = "Files";
    /// <summary>Parse and bind: the compiler core's result.</summary>
    public const string Compile = "Compile";
    /// <summary>The diagnostics of a file.</summary>
    public const string Diagnostics = "Diagnostics";
    /// <summary>The severities configured for each file in .editorconfig.</summary>
    public const string Severities = "Severities";
    /// <summary>The bound model of a file without errors.</summary>
    public const string Model = "Model";
    /// <summary>The rendered C#.</summary>
    public const string Emit = "Emit";
}
