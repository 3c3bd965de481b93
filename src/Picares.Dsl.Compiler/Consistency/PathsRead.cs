namespace Picares.Dsl.Compiler.Consistency;

/// <summary>
/// Fields read by their <c>Form.field</c> paths (endpoint data, the birth date, the strata), asked about by form and field:
/// the paths are kept in ordinal order and a field is found by a binary search that compares a path with the form and
/// field as they stand, so that no path is written out for a field, and none is cut in two (the thousands of endpoint
/// data paths of a large file each made two strings for a set of form and field).
/// </summary>
/// <remarks>
/// One array of the paths: 8 bytes a path, so that it reaches the large-object heap only past 10,000 paths (PICARES at
/// 100 times has 2,500).
/// </remarks>
internal sealed class PathsRead
{
    private readonly string[] _paths;

    /// <param name="paths">The paths, in any order; the array is sorted and kept.</param>
    public PathsRead(string[] paths)
    {
        System.Array.Sort(paths, string.CompareOrdinal);
        _paths = paths;
    }

    /// <summary>Whether the path <c><paramref name="form"/>.<paramref name="field"/></c> is one of the paths.</summary>
    public bool Contains(string form, string field)
    {
        int low = 0, high = _paths.Length - 1;
        while (low <= high)
        {
            int middle = low + (high - low) / 2;
            int order = Model.FieldPath.CompareOrdinal(_paths[middle], form, field);
            if (order == 0) return true;
            if (order < 0) low = middle + 1;
            else high = middle - 1;
        }
        return false;
    }
}
