using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Commissioning.Domain;
using Commissioning.Domain.Councils;

namespace Commissioning.Functions.Summaries;

/// <summary>
/// Councils in the <c>Councils</c> table: PK <c>"council"</c>, RK the council's GSS code, property <c>Json</c> holding
/// the council record serialised with <see cref="DomainJson"/>. Councils are few, so listing reads the one partition.
/// </summary>
public sealed class CouncilsTable(TableServiceClient tables) : ICouncilDirectory
{
    public const string PartitionKey = "council";
    private readonly TableClient _table = tables.GetTableClient(SummaryStorageNames.CouncilsTable);

    public async Task<IReadOnlyList<Council>> ListAsync(CancellationToken cancellationToken)
    {
        var councils = new List<Council>();
        try
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {PartitionKey}");
            await foreach (var row in _table.QueryAsync<TableEntity>(filter, select: ["Json"], cancellationToken: cancellationToken))
            {
                councils.Add(FromRow(row));
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // No council registered yet.
        }

        return [.. councils.OrderBy(c => c.Code, StringComparer.Ordinal)];
    }

    public async Task<Council?> GetAsync(string code, CancellationToken cancellationToken)
    {
        try
        {
            var row = await _table.GetEntityIfExistsAsync<TableEntity>(PartitionKey, code, ["Json"], cancellationToken);
            return row.HasValue && row.Value is { } value ? FromRow(value) : null;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public async Task SaveAsync(Council council, CancellationToken cancellationToken)
    {
        await _table.CreateIfNotExistsAsync(cancellationToken);
        var row = new TableEntity(PartitionKey, council.Code) { ["Json"] = DomainJson.Serialize(council) };
        await _table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
    }

    private static Council FromRow(TableEntity row) =>
        JsonSerializer.Deserialize<Council>(row.GetString("Json") ?? "null", DomainJson.Options)
        ?? throw new InvalidOperationException($"Council row {row.RowKey} holds no council record.");
}
