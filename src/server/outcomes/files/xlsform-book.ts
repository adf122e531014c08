import ExcelJS from 'exceljs';

/**
 * Writes a workbook of named sheets, each a header row and its rows, as Kobo and ODK give XLSForms: used by the
 * scripts that write Homeward's own instrument and the test forms, so that those files can be written again.
 */
export type SheetRows = (string | number | null)[][];

export async function workbookBytes(sheets: Record<string, SheetRows>): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const fixed = new Date('2026-01-01T00:00:00Z');
  book.creator = 'Homeward';
  book.created = fixed;
  book.modified = fixed;
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = book.addWorksheet(name);
    for (const row of rows) sheet.addRow(row.map((cell) => cell ?? null));
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}
