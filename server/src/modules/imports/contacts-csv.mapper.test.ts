import { describe, expect, it } from 'vitest';
import { mapContacts } from './contacts-csv.mapper';
import { openCsv } from './csv-table';
import { bytes, collect } from './imports.fixtures';

describe('mapContacts', () => {
  it('reads Shopify’s customer export, leaving blank cells unchanged', async () => {
    const table = await openCsv(
      bytes(
        'Customer ID,First Name,Last Name,Email,Accepts Email Marketing,Default Address City,Phone,Tags\n' +
          "7001,Ann,Lee,ANN@example.com,yes,Berlin,'+49 30 1234567,vip\n" +
          ',,,bob@example.com,,,,\n',
      ),
    );
    const units = await collect(mapContacts(table));
    expect(units.map((unit) => unit.value)).toEqual([
      { email: 'ann@example.com', name: 'Ann Lee', phone: '+49 30 1234567', externalId: '7001', marketingOptIn: true },
      { email: 'bob@example.com' },
    ]);
  });

  it('reports bad emails, phones and consent values by row', async () => {
    const table = await openCsv(
      bytes('email,phone,accepts marketing\nnot-an-email,,\nc@example.com,call me,\nd@example.com,,perhaps\n,,\n'),
    );
    const errors = (await collect(mapContacts(table))).flatMap((unit) => unit.errors);
    expect(errors).toEqual([
      { row: 2, field: 'email', message: expect.stringMatching(/^email: /) },
      { row: 3, field: 'phone', message: 'phone: digits, spaces, "+", "(", ")", "." and "-"' },
      { row: 4, field: 'accepts marketing', message: 'accepts marketing: "perhaps" is not yes or no' },
    ]);
  });
});
