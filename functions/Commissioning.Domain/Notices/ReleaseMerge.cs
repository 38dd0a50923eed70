using System.Text.Json.Nodes;

namespace Commissioning.Domain.Notices;

/// <summary>
/// OCDS merge of a later release into the compiled one (design: notices.md §3): objects merge field by field, arrays
/// of objects with an <c>id</c> merge by id (FTS update releases carry only deltas such as <c>{id, amendments}</c>),
/// other arrays and values are replaced. An explicit null never erases an earlier value: FTS writes nulls for
/// "not stated", and absence is never evidence (decision 0015).
/// </summary>
internal static class ReleaseMerge
{
    /// <param name="replaceParties">
    /// For portals whose party ids (<c>org-N</c>) are numbered per release (Public Contracts Scotland, Sell2Wales):
    /// the later release's parties replace the earlier ones instead of merging by an id that means something else.
    /// </param>
    public static void Into(JsonObject compiled, JsonObject later, bool replaceParties)
    {
        foreach (var (name, value) in later.ToList())
        {
            if (value is null)
            {
                continue;
            }
            later.Remove(name);
            var existing = compiled[name];
            if (existing is JsonObject earlierObject && value is JsonObject laterObject)
            {
                Into(earlierObject, laterObject, replaceParties: false);
            }
            else if (!(replaceParties && name == "parties") && existing is JsonArray earlierArray && value is JsonArray laterArray
                     && AllIdentified(earlierArray) && AllIdentified(laterArray))
            {
                MergeById(earlierArray, laterArray);
            }
            else
            {
                compiled[name] = value;
            }
        }
    }

    private static void MergeById(JsonArray compiled, JsonArray later)
    {
        var items = later.ToList();
        later.Clear();
        foreach (var item in items)
        {
            var laterItem = (JsonObject)item!;
            var id = IdOf(laterItem);
            JsonObject? match = null;
            foreach (var candidate in compiled)
            {
                if (candidate is JsonObject o && IdOf(o) == id)
                {
                    match = o;
                    break;
                }
            }
            if (match is null)
            {
                compiled.Add(laterItem);
            }
            else
            {
                Into(match, laterItem, replaceParties: false);
            }
        }
    }

    private static bool AllIdentified(JsonArray array)
    {
        if (array.Count == 0)
        {
            return false;
        }
        foreach (var item in array)
        {
            if (item is not JsonObject o || o["id"] is null)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The id as text, so "1" and 1 name the same object (publishers mix them).</summary>
    private static string IdOf(JsonObject item) =>
        item["id"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : item["id"]!.ToJsonString();
}
