using System;

namespace Picares.Dsl.Runtime.Endpoints;

/// <summary>
/// RECIST 1.1's confirmation of response and minimum duration of stable disease (Eisenhauer et al. 2009, section 4.4),
/// for the confirmed best overall response: CR and PR count only when a later assessment, at least
/// <see cref="ConfirmationDays"/> after them, confirms them; SD counts only from an assessment at least
/// <see cref="StableDiseaseMinimumDays"/> after the start. See <see cref="BestOverallResponse"/> for the whole rule.
/// </summary>
public sealed record ResponseConfirmation
{
    /// <summary>The rules; either may be null.</summary>
    /// <param name="confirmationDays">
    /// The least number of days (by calendar date) from a CR or PR to the later assessment that confirms it, at least 1;
    /// null when CR and PR are not confirmed (the best response is then unconfirmed, as without these rules).
    /// </param>
    /// <param name="stableDiseaseMinimumDays">
    /// The least number of days (by calendar date) from the start to an assessment of SD, PR or CR for SD to be the best
    /// response, at least 0; null when any post-baseline assessment of SD, PR or CR will do.
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="confirmationDays"/> is below 1 or <paramref name="stableDiseaseMinimumDays"/> below 0.</exception>
    public ResponseConfirmation(int? confirmationDays, int? stableDiseaseMinimumDays)
    {
        if (confirmationDays is < 1) throw new ArgumentOutOfRangeException(nameof(confirmationDays), confirmationDays, "A confirmation interval is at least 1 day.");
        if (stableDiseaseMinimumDays is < 0) throw new ArgumentOutOfRangeException(nameof(stableDiseaseMinimumDays), stableDiseaseMinimumDays, "A minimum duration of stable disease is not negative.");
        ConfirmationDays = confirmationDays;
        StableDiseaseMinimumDays = stableDiseaseMinimumDays;
    }

    /// <summary>The least number of days from a CR or PR to the assessment that confirms it; null when CR and PR are not confirmed.</summary>
    public int? ConfirmationDays { get; }

    /// <summary>The least number of days from the start to an assessment that makes SD the best response; null for no minimum.</summary>
    public int? StableDiseaseMinimumDays { get; }
}
