using System.Text;

namespace Commissioning.Domain.Notices;

/// <summary>
/// A CSV reader to RFC 4180: comma-separated cells, double-quoted cells that may hold commas, doubled quotes and line
/// breaks, rows ended by CRLF, LF or CR. Rows are counted from 1 (the header is row 1) and cells from 1, so a problem
/// names the row and column a spreadsheet shows.
/// </summary>
internal sealed class CsvRows(string text)
{
    private int position;
    private readonly StringBuilder cell = new();

    /// <summary>The row number of the row last read (1 = the first row of the file).</summary>
    public int Row { get; private set; }

    /// <summary>Reads the next row into <paramref name="cells"/>; false at the end of the text.</summary>
    /// <exception cref="CsvFormatException">A quoted cell is not closed, or text follows a closing quote.</exception>
    public bool TryRead(List<string> cells)
    {
        cells.Clear();
        if (position >= text.Length)
        {
            return false;
        }
        Row++;
        while (true)
        {
            var column = cells.Count + 1;
            cell.Clear();
            if (position < text.Length && text[position] == '"')
            {
                ReadQuoted(column);
            }
            else
            {
                while (position < text.Length && text[position] is not (',' or '\r' or '\n'))
                {
                    cell.Append(text[position++]);
                }
            }
            cells.Add(cell.ToString());
            if (position >= text.Length)
            {
                return true;
            }
            var separator = text[position++];
            if (separator == ',')
            {
                continue;
            }
            if (separator == '\r' && position < text.Length && text[position] == '\n')
            {
                position++;
            }
            return true;
        }
    }

    private void ReadQuoted(int column)
    {
        var openedAt = Row;
        position++;
        while (true)
        {
            if (position >= text.Length)
            {
                throw new CsvFormatException(openedAt, column, "a quoted cell is never closed");
            }
            var c = text[position++];
            if (c != '"')
            {
                cell.Append(c);
                continue;
            }
            if (position < text.Length && text[position] == '"')
            {
                cell.Append('"');
                position++;
                continue;
            }
            if (position < text.Length && text[position] is not (',' or '\r' or '\n'))
            {
                throw new CsvFormatException(openedAt, column, "text follows the closing quote of a quoted cell");
            }
            return;
        }
    }
}

/// <summary>A CSV row that cannot be read, with where it is.</summary>
internal sealed class CsvFormatException(int row, int column, string message) : Exception(message)
{
    public int Row => row;
    public int Column => column;
}
