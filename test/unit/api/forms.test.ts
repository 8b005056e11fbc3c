// The sidebar's form checks (src/api/forms.ts), run by the page before sending and by the server
// before writing: the same messages on both sides, field names as the sheet headers staff see.
import { FORM_HEADERS, header } from '../../../src/api/forms';
import { SHEETS } from '../../../src/store/schema';

describe('form field names', () => {
  it('are the headers of the sheets the forms write', () => {
    for (const [sheet, fields] of Object.entries(FORM_HEADERS)) {
      const columns = SHEETS[sheet as keyof typeof FORM_HEADERS].columns as readonly {
        key: string;
        header: string;
      }[];
      for (const [key, label] of Object.entries(fields)) {
        expect({ sheet, key, header: columns.find((c) => c.key === key)?.header }).toEqual({
          sheet,
          key,
          header: label,
        });
      }
    }
  });

  it('falls back to the key for a field without a header', () => {
    expect(header('sessions', 'channel')).toBe('Kanal');
    expect(header('qa', 'unknown')).toBe('unknown');
  });
});
