using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Nebius.TokenFactory.Testing;

/// <summary>The <c>after</c>/<c>limit</c> cursor pages of the fine-tuning lists: items after the one with id <c>after</c>.</summary>
internal static class FakePaging
{
    public static (List<JsonObject> Page, bool HasMore) After(HttpContext context, IReadOnlyList<JsonObject> items, int defaultLimit)
    {
        var limit = int.TryParse(context.Request.Query["limit"], out var l) && l > 0 ? l : defaultLimit;
        var after = context.Request.Query["after"].ToString();
        var start = 0;
        if (after.Length > 0)
        {
            var index = items.ToList().FindIndex(i => i["id"]?.GetValue<string>() == after);
            start = index < 0 ? items.Count : index + 1;
        }

        var page = items.Skip(start).Take(limit).ToList();
        return (page, start + page.Count < items.Count);
    }

    public static JsonObject List(IEnumerable<JsonObject> page, bool hasMore)
    {
        var list = FakeJson.List(page.Select(i => i.DeepClone()));
        list["has_more"] = hasMore;
        return list;
    }

    /// <summary>A page that also names its first and last ids (<c>first_id</c>, <c>last_id</c>).</summary>
    public static JsonObject ListWithIds(IReadOnlyList<JsonObject> page, bool hasMore)
    {
        var list = List(page, hasMore);
        list["first_id"] = page.Count > 0 ? page[0]["id"]?.DeepClone() : null;
        list["last_id"] = page.Count > 0 ? page[^1]["id"]?.DeepClone() : null;
        return list;
    }
}
