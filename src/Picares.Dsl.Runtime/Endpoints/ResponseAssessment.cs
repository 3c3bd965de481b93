using System;

namespace Picares.Dsl.Runtime.Endpoints;

/// <summary>One post-baseline tumour assessment: its date and the RECIST 1.1 overall response at it.</summary>
/// <param name="Date">The date of the assessment.</param>
/// <param name="Response">The overall response at the assessment.</param>
public sealed record ResponseAssessment(DateTime Date, RecistResponse Response)
{
    /// <summary>An assessment from a response code (CR, PR, SD, PD or NE; case ignored).</summary>
    /// <param name="date">The date of the assessment.</param>
    /// <param name="code">The response code.</param>
    /// <exception cref="FormatException">When <paramref name="code"/> is not one of the five codes.</exception>
    public static ResponseAssessment FromCode(DateTime date, string code) => new(date, RecistResponseCodes.Parse(code));
}
