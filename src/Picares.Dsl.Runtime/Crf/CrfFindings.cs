using System;
using System.Collections.Generic;
using System.Linq;

namespace Picares.Dsl.Runtime.Crf;

/// <summary>Acting on the findings of a generated form's or case book's <c>Validate()</c>.</summary>
public static class CrfFindings
{
    /// <summary>
    /// Throws <see cref="CrfRejectedException"/> when a finding is a hard one (<see cref="FindingSeverity.Reject"/>);
    /// otherwise returns the findings, which then hold only queries, for the caller to raise.
    /// </summary>
    public static IReadOnlyList<CrfFinding> EnsureAccepted(this IReadOnlyList<CrfFinding> findings)
    {
        if (findings is null) throw new ArgumentNullException(nameof(findings));
        var rejected = findings.Where(f => f.Severity == FindingSeverity.Reject).ToList();
        if (rejected.Count > 0) throw new CrfRejectedException(rejected);
        return findings;
    }
}

/// <summary>The data has hard edit-check findings and cannot be accepted until they are corrected.</summary>
public sealed class CrfRejectedException : InvalidOperationException
{
    /// <summary>An exception listing the hard findings.</summary>
    public CrfRejectedException(IReadOnlyList<CrfFinding> rejected)
        : base("The data cannot be accepted: " + string.Join("; ", (rejected ?? throw new ArgumentNullException(nameof(rejected))).Select(f => f.Message)))
    {
        Rejected = rejected;
    }

    /// <summary>The hard findings, in the order Validate gave them.</summary>
    public IReadOnlyList<CrfFinding> Rejected { get; }
}
