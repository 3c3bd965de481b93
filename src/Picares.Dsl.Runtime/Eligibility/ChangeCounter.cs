namespace Picares.Dsl.Runtime.Eligibility;

/// <summary>
/// Counts the changes made to a piece of screening data (a candidate's input, the reference dates). A result
/// notes the counts it was evaluated at, so that it can refuse to explain itself from data that has changed
/// since: its explanations are built from the data when first asked for, not copied at evaluation time.
/// </summary>
public sealed class ChangeCounter
{
    /// <summary>How many changes were made so far.</summary>
    public int Count { get; private set; }

    /// <summary>Records a change.</summary>
    public void Increment() => Count = unchecked(Count + 1);
}
