using Picares.Dsl.Compiler.Model;

namespace Picares.Dsl.Compiler.Consistency.Constraints;

/// <summary>
/// One bound an inclusion rule puts on a variable: the atom, and who puts it (a criterion, or the population's age range,
/// named by <paramref name="Who"/>).
/// </summary>
internal sealed record Bound(string Who, Atom Atom, CriterionModel? Criterion);
