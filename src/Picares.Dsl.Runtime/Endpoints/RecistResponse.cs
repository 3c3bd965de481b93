using System;

namespace Picares.Dsl.Runtime.Endpoints;

/// <summary>A RECIST 1.1 overall response at one tumour assessment, named by its usual code.</summary>
public enum RecistResponse
{
    /// <summary>Complete response.</summary>
    CR,
    /// <summary>Partial response.</summary>
    PR,
    /// <summary>Stable disease.</summary>
    SD,
    /// <summary>Progressive disease.</summary>
    PD,
    /// <summary>Not evaluable.</summary>
    NE,
}

/// <summary>Reads and ranks RECIST 1.1 response codes.</summary>
public static class RecistResponseCodes
{
    /// <summary>Reads a code: CR, PR, SD, PD or NE, ignoring case and surrounding white space.</summary>
    /// <exception cref="ArgumentNullException">When <paramref name="code"/> is null.</exception>
    /// <exception cref="FormatException">When <paramref name="code"/> is not one of the five codes.</exception>
    public static RecistResponse Parse(string code)
    {
        if (code is null) throw new ArgumentNullException(nameof(code));
        return code.Trim().ToUpperInvariant() switch
        {
            "CR" => RecistResponse.CR,
            "PR" => RecistResponse.PR,
            "SD" => RecistResponse.SD,
            "PD" => RecistResponse.PD,
            "NE" => RecistResponse.NE,
            _ => throw new FormatException($"'{code}' is not a RECIST 1.1 response code: expected CR, PR, SD, PD or NE."),
        };
    }

    /// <summary>The rank of a response for the best overall response, higher is better: CR 4, PR 3, SD 2, PD 1, NE 0.</summary>
    public static int Rank(RecistResponse response) => response switch
    {
        RecistResponse.CR => 4,
        RecistResponse.PR => 3,
        RecistResponse.SD => 2,
        RecistResponse.PD => 1,
        _ => 0,
    };

    /// <summary>True for an objective response: CR or PR.</summary>
    public static bool IsObjectiveResponse(RecistResponse response) => response is RecistResponse.CR or RecistResponse.PR;
}
