import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import {
  csvToRows,
  decodeText,
  readCsv,
  suggestMapping,
} from '../../src/main/core/importExport/csvImport'
import type { ImportRow } from '../../src/main/core/importExport/importRow'
import { assembleName, parseDate } from '../../src/main/core/importExport/importRow'
import { parseVCards } from '../../src/main/core/importExport/vcardImport'
import { contactFieldsShape } from '../../src/shared/contacts/contact'

/** Real exports of real apps; shared/ sits beside the repository in every checkout. */
// Copied byte for byte from the shared fixtures (origins in tests/fixtures/real-world/SOURCES.md).
const fixtures = join(__dirname, '../fixtures/real-world')
const fixture = (name: string) => new Uint8Array(readFileSync(join(fixtures, name)))
const contactFields = z.object(contactFieldsShape)

/** Every row that is not an error must be a contact the store would accept. */
function expectValid(rows: ImportRow[]) {
  for (const row of rows) {
    if (row.errors.length > 0) continue
    const parsed = contactFields.safeParse(row.fields)
    expect(parsed.success, `line ${row.line}: ${parsed.error?.message}`).toBe(true)
  }
}

function expectJpeg(row: ImportRow | undefined, complete = true) {
  expect(row?.photo?.mime).toBe('image/jpeg')
  const bytes = row!.photo!.bytes
  expect([...bytes.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff])
  if (!complete) return
  // The end marker too: the base64 was joined across its folded lines without loss.
  expect([...bytes.subarray(-2)]).toEqual([0xff, 0xd9])
  expect(row!.warnings.join()).not.toContain('photo')
}

const vcf = (name: string) => {
  const rows = parseVCards(fixture(name))
  expectValid(rows)
  return rows
}

/** Each fixture's test, by file name, so a new fixture without a test fails below. */
const vcardChecks: Record<string, () => void> = {
  'android-export-v21-qp-utf8-multi-photo.vcf': () => {
    const rows = vcf('android-export-v21-qp-utf8-multi-photo.vcf')
    expect(rows.map((r) => r.line)).toEqual([1, 6, 11, 18, 36, 71])
    expect(rows.every((r) => r.errors.length === 0)).toBe(true)
    // Cards without N/FN are named by their email, with a warning.
    expect(rows[0]!.fields.name).toBe('john.doe@company.com')
    expect(rows[0]!.warnings.join()).toContain('no name')
    expect(rows[1]!.fields.emails).toEqual([{ label: '', value: 'jane.doe@company.com' }])
    // Quoted-printable UTF-8, with soft line breaks inside the name.
    expect(rows[2]!.fields.name).toBe('Ñ Ñ Ñ Ñ Ñ')
    expect(rows[3]!.fields.name).toBe(Array(11).fill('Ñ').join(' '))
    expect(rows[3]!.fields.phones).toHaveLength(4)
    expect(rows[4]!.fields).toMatchObject({
      name: 'Ñ Ñ Ñ Ñ',
      givenName: 'Ñ Ñ Ñ',
      familyName: 'Ñ Ñ',
      organization: 'Ñ'.repeat(12),
    })
    expect(rows[4]!.fields.emails?.[0]).toEqual({ label: 'work', value: 'bob@company.com' })
    // This sample's base64 is 1171 characters, one short of whole: the image is cut in the file.
    expectJpeg(rows[4], false)
    expect(rows[4]!.warnings).toContain('photo looks incomplete; it may show only in part')
    expect(rows[5]!.fields).toMatchObject({ name: 'ÑÑÑÑ', organization: 'Ñ'.repeat(44) })
    // Android's own group is not a tag.
    expect(rows.some((r) => r.fields.tags?.length)).toBe(false)
  },
  'apple-ios5-export-photo.vcf': () => {
    const [row, ...rest] = vcf('apple-ios5-export-photo.vcf')
    expect(rest).toHaveLength(0)
    expect(row!.fields).toMatchObject({
      name: 'Mr. John Richter James Doe Sr.',
      givenName: 'John',
      familyName: 'Doe',
      nickname: 'Johny',
      organization: 'IBM',
      role: 'Money Counter',
      emails: [{ label: '', value: 'john.doe@ibm.com' }],
      links: [{ kind: 'web', value: 'http://www.ibm.com' }],
      importantDates: [{ label: 'birthday', date: '2012-06-06' }],
    })
    expect(row!.fields.phones).toHaveLength(7)
    expect(row!.fields.phones?.[0]).toEqual({ label: 'mobile', value: '905-555-1234' })
    expect(row!.fields.phones?.[6]).toEqual({ label: 'assistant phone', value: '905-222-1234' })
    expectJpeg(row)
  },
  'apple-ios6-export-photo-crcrlf.vcf': () => {
    const rows = vcf('apple-ios6-export-photo-crcrlf.vcf')
    expect(rows).toHaveLength(1)
    expect(rows[0]!.fields).toMatchObject({
      name: 'Bob Smith',
      organization: 'Smith Auto Repair',
      emails: [{ label: '', value: 'bob@smithauto.com' }],
      phones: [{ label: 'mobile', value: '(650) 555-1212' }],
      links: [{ kind: 'web', value: 'www.smithauto.com' }],
    })
    expectJpeg(rows[0])
  },
  'apple-macos-addressbook-export-photo.vcf': () => {
    const [row] = vcf('apple-macos-addressbook-export-photo.vcf')
    expect(row!.fields).toMatchObject({
      name: 'Mr. John Richter,James Doe Sr.',
      familyName: 'Doe',
      organization: 'IBM',
      emails: [{ label: 'work', value: 'john.doe@ibm.com' }],
      family: 'Spouse: Jenny',
    })
    expect(row!.fields.notes).toMatch(/^THIS SOFTWARE IS PROVIDED .*"AS IS"/)
    expect(row!.fields.notes).toContain('SERVICES; LOSS OF USE')
    expect(row!.fields.notes).toMatch(/\nFavotire Color: Blue$/)
    // `PHOTO;BASE64:` with lines indented by two spaces.
    expectJpeg(row)
  },
  'evolution-export-v3.vcf': () => {
    const [row] = vcf('evolution-export-v3.vcf')
    expect(row!.fields).toMatchObject({
      name: 'Mr. John Richter, James Doe Sr.',
      nickname: 'Johny',
      organization: 'IBM',
      role: 'Money Counter',
      assistantName: 'Little Red',
      tags: ['VIP'],
      // Each of these is folded across two lines in the file.
      emails: [{ label: 'work', value: 'john.doe@ibm.com' }],
      phones: [
        { label: 'mobile', value: '905-666-1234' },
        { label: 'work', value: '905-555-1234' },
      ],
    })
    expect(row!.fields.links).toContainEqual({ kind: 'web', value: 'http://www.ibm.com' })
    expect(row!.fields.family).toContain('Spouse: Maria')
    expect(row!.fields.importantDates).toEqual([
      { label: 'birthday', date: '1980-03-22' },
      { label: 'anniversary', date: '1980-03-22' },
    ])
  },
  'fullcontact-export-v4.vcf': () => {
    const [row] = vcf('fullcontact-export-v4.vcf')
    expect(row!.fields).toMatchObject({
      name: 'Prefix FirstName MiddleName LastName Suffix',
      givenName: 'FirstName',
      familyName: 'LastName',
      organization: 'Organization1',
      role: 'Title1',
      notes: 'Notes line 1\nNotes line 2',
    })
    expect(row!.fields.emails?.map((e) => e.value)).toEqual([
      'home@example.com',
      'work@example.com',
      'school@example.com',
      'other@example.com',
      'custom@example.com',
    ])
    // The two ALTID=1 birthdays are one fact; the hex-named properties carry the other dates.
    expect(row!.fields.importantDates).toEqual([
      { label: 'birthday', date: '2016-08-01' },
      { label: 'anniversary', date: '2016-08-02' },
      { label: 'other', date: '2016-08-03' },
      { label: 'CustomTYPE', date: '2016-08-04' },
    ])
    expect(row!.photo).toBeUndefined()
    expect(row!.warnings).toContain('photo is a web link and was not downloaded')
  },
  'google-gmail-export-folded-note.vcf': () => {
    const [row] = vcf('google-gmail-export-folded-note.vcf')
    expect(row!.fields).toMatchObject({
      name: 'Mr. John Richter, James Doe Sr.',
      organization: 'IBM',
      emails: [{ label: 'home', value: 'john.doe@ibm.com' }],
      links: [{ kind: 'web', value: 'http://www.ibm.com' }],
      family: 'Spouse: Jenny',
      importantDates: [
        { label: 'birthday', date: '1980-03-22' },
        { label: 'anniversary', date: '1975-03-01' },
      ],
    })
    const notes = row!.fields.notes!
    expect(notes).toContain('CONTRIBUTORS "AS IS" AND ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING')
    expect(notes).toContain('LIMITED TO, THE IMPLIED')
    expect(notes).toMatch(/DAMAGE\.\nFavotire Color: Blue$/)
  },
  'google-gmail-export-many-fields.vcf': () => {
    const [row] = vcf('google-gmail-export-many-fields.vcf')
    expect(row!.fields).toMatchObject({
      name: 'VCard Test',
      nickname: 'TheNickname',
      organization: 'TheCompany',
      role: 'TheJobTitle',
      assistantName: 'Name12',
      notes: 'note line 1\nnote line 2\nCustomField: field value',
    })
    expect(row!.fields.emails).toHaveLength(5)
    expect(row!.fields.emails).toContainEqual({
      label: 'CustomEmailCategory',
      value: 'customcategory@example.com',
    })
    expect(row!.fields.phones).toHaveLength(11)
    expect(row!.fields.links).toContainEqual({ kind: 'other', value: 'skype:IM5' })
    expect(row!.fields.links).toContainEqual({ kind: 'web', value: 'http://www.example6.com' })
    expect(row!.fields.importantDates).toContainEqual({ label: 'anniversary', date: '1930-03-20' })
    expect(row!.fields.family).toContain('Spouse: Name2')
  },
  'google-gmail-export-multi.vcf': () => {
    const rows = vcf('google-gmail-export-multi.vcf')
    expect(rows.map((r) => [r.line, r.fields.name, r.fields.emails?.[0]?.value])).toEqual([
      [1, 'Arnold Smith', 'asmithk@gmail.com'],
      [7, 'Chris Beatle', 'chrisy55d@yahoo.com'],
      [13, 'Doug White', 'dwhite@gmail.com'],
    ])
  },
  'japanese-featurephone-v21-sjis.vcf': () => {
    const [row] = vcf('japanese-featurephone-v21-sjis.vcf')
    expect(row!.fields).toMatchObject({
      name: '安藤 ロイド 1',
      familyName: '安藤',
      givenName: 'ロイド1',
      // Quoted-printable Shift_JIS.
      notes: 'メモ',
    })
  },
  'nextcloud-download-v4.vcf': () => {
    const [row] = vcf('nextcloud-download-v4.vcf')
    // The folded ADR line with ^n and ^' in its LABEL parameter must not upset the rest.
    expect(row!.errors).toEqual([])
    expect(row!.fields).toMatchObject({
      name: 'Dummy, Dummy',
      organization: 'Dummy GmbH',
      phones: [
        { label: 'mobile', value: '+49 1234 56789' },
        { label: 'work', value: '+49 9876 54321' },
      ],
      emails: [{ label: 'home', value: 'dummy.dummy@dummy.com' }],
    })
  },
  'outlook-2003-export-v21-qp.vcf': () => {
    const [row] = vcf('outlook-2003-export-v21-qp.vcf')
    expect(row!.fields).toMatchObject({
      name: 'John Doe III',
      nickname: 'Joey',
      organization: 'Company, The',
      role: 'The Job Title',
      whatTheyDo: 'TheProfession',
      notes: 'This is the note field!!\nSecond line\n\nThird line is empty',
      emails: [{ label: '', value: 'jdoe@hotmail.com' }],
      links: [{ kind: 'web', value: 'http://web-page-address.com' }],
      importantDates: [{ label: 'birthday', date: '1980-03-21' }],
    })
    expect(row!.fields.phones).toHaveLength(4)
    // The X.509 KEY is not a photo.
    expect(row!.photo).toBeUndefined()
  },
  'outlook-2007-export-v21-qp-photo.vcf': () => {
    const [row] = vcf('outlook-2007-export-v21-qp-photo.vcf')
    expect(row!.fields).toMatchObject({
      name: 'Mr. Michael Angstadt Jr.',
      nickname: 'Mike',
      organization: 'TheCompany',
      assistantName: 'TheAssistantName',
      emails: [{ label: '', value: 'mike.angstadt@gmail.com' }],
      importantDates: [
        { label: 'birthday', date: '1922-03-10' },
        { label: 'anniversary', date: '2012-08-01' },
      ],
    })
    expect(row!.fields.notes).toMatch(/^This is the NOTE field\t\nI assume it encodes/)
    expect(row!.fields.notes).toMatch(/\nIt does not preserve the formatting$/)
    expect(row!.fields.family).toContain('Spouse: TheSpouse')
    expectJpeg(row)
  },
  'outlook-2007plus-export-v21-photo.vcf': () => {
    const [row] = vcf('outlook-2007plus-export-v21-photo.vcf')
    expect(row!.fields).toMatchObject({
      name: 'Mr. John Richter James Doe Sr.',
      organization: 'IBM',
      role: 'Money Counter',
      whatTheyDo: 'Counting Money',
      assistantName: 'Jenny',
      emails: [{ label: '', value: 'john.doe@ibm.cm' }],
    })
    expect(row!.fields.notes!.length).toBeGreaterThan(700)
    expectJpeg(row)
  },
  'thunderbird-export-v4.vcf': () => {
    const rows = vcf('thunderbird-export-v4.vcf')
    expect(rows.map((r) => r.line)).toEqual([1, 8])
    expect(rows[0]!.fields).toMatchObject({
      name: 'contact number one',
      emails: [{ label: '', value: 'contact1@invalid' }],
    })
    expect(rows[1]!.fields).toMatchObject({
      name: 'contact number two',
      role: '"worker"',
      notes: "here's some unicode text…",
    })
  },
  'thunderbird-morefunctions-export-v3-photo.vcf': () => {
    const [row] = vcf('thunderbird-morefunctions-export-v3-photo.vcf')
    expect(row!.fields).toMatchObject({
      name: 'John Doe',
      organization: 'TheOrganization',
      role: 'TheTitle',
      tags: ['category1', 'category2', 'category3'],
      family: 'Spouse: TheSpouse',
      importantDates: [
        { label: 'birthday', date: '1970-09-21' },
        { label: 'anniversary', date: '1990-04-30' },
      ],
    })
    expect(row!.fields.emails).toHaveLength(5)
    expect(row!.fields.notes).toMatch(/"note" field; even curse words\.$/)
    // Photo lines end in LF inside a CRLF file.
    expectJpeg(row)
  },
  'xing-export-v21.vcf': () => {
    const [row] = vcf('xing-export-v21.vcf')
    expect(row!.fields).toMatchObject({
      name: 'Hans-Peter Mustermann',
      organization: 'Example GmbH',
      role: 'CTO',
      tags: ['Consulting'],
      links: [{ kind: 'web', value: 'http://www.example.com' }],
    })
    expect(row!.fields.notes).toContain('XING - http://www.xing.com/profile/Hans-Peter-Mustermann')
    expect(row!.warnings).toContain('photo is a web link and was not downloaded')
  },
}

/** A CSV line, quoted where needed. */
const csvLine = (cells: string[]) =>
  cells.map((c) => (/[",\n\r]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')

/** A data row for a real header: the named columns filled, the rest empty. */
function rowFor(headers: string[], values: Record<string, string>): string {
  return csvLine(headers.map((h) => values[h] ?? ''))
}

function withRow(name: string, values: Record<string, string>, eol = '\n'): Uint8Array {
  const bytes = fixture(name)
  const headers = readCsv(bytes).headers
  const text = new TextDecoder().decode(bytes)
  const sep = text.endsWith('\n') ? '' : eol
  const extra = new TextEncoder().encode(sep + rowFor(headers, values) + eol)
  const out = new Uint8Array(bytes.length + extra.length)
  out.set(bytes)
  out.set(extra, bytes.length)
  return out
}

const csvChecks: Record<string, () => void> = {
  'thunderbird-export.csv': () => {
    const table = readCsv(fixture('thunderbird-export.csv'))
    expect(table.encoding).toBe('utf-8')
    expect(table.headers).toHaveLength(37)
    expect(table.headerLine).toBe(1)
    // The second contact's record spans lines 3-4 (a quoted LF); a lone CR stays in its cell.
    expect(table.rows.map((r) => r.line)).toEqual([2, 3])
    expect(table.rows[1]!.cells[34]).toBe('custom\r3')
    expect(table.rows[1]!.cells[35]).toBe('custom\n4')
    const mapping = suggestMapping(table.headers)
    expect(mapping.slice(0, 5)).toEqual(['givenName', 'familyName', 'name', 'nickname', 'email'])
    expect(mapping[table.headers.indexOf('Job Title')]).toBe('role')
    expect(mapping[table.headers.indexOf('Organization')]).toBe('organization')
    const rows = csvToRows(table, mapping)
    expectValid(rows)
    expect(rows[0]).toMatchObject({
      line: 2,
      errors: [],
      fields: {
        name: 'contact number one',
        givenName: 'contact',
        familyName: 'one',
        emails: [{ label: '', value: 'contact1@invalid' }],
      },
    })
    expect(rows[1]!.fields).toMatchObject({
      name: 'contact number two',
      role: '"worker"',
      notes: "here's some unicode text…",
    })
  },
  'linkedin-connections-preamble-header-only.csv': () => {
    const name = 'linkedin-connections-preamble-header-only.csv'
    const table = readCsv(fixture(name))
    expect(table.headerLine).toBe(4)
    expect(table.preamble).toHaveLength(3)
    expect(table.preamble[0]).toBe('Notes:')
    expect(table.headers).toEqual([
      'First Name',
      'Last Name',
      'URL',
      'Email Address',
      'Company',
      'Position',
      'Connected On',
    ])
    expect(table.rows).toEqual([])
    expect(csvToRows(table, suggestMapping(table.headers))).toEqual([])
    expect(suggestMapping(table.headers)).toEqual([
      'givenName',
      'familyName',
      'linkedin',
      'email',
      'organization',
      'role',
      'firstMet',
    ])
    // The same export with a connection in it.
    const full = readCsv(
      withRow(name, {
        'First Name': 'Ada',
        'Last Name': 'Lovelace',
        URL: 'https://www.linkedin.com/in/ada-lovelace',
        'Email Address': '',
        Company: 'Analytical Engines, Ltd',
        Position: 'Programmer',
        'Connected On': '10 Dec 2023',
      }),
    )
    const [row] = csvToRows(full, suggestMapping(full.headers))
    expect(row).toMatchObject({
      line: 5,
      errors: [],
      fields: {
        name: 'Ada Lovelace',
        organization: 'Analytical Engines, Ltd',
        role: 'Programmer',
        links: [{ kind: 'linkedin', value: 'https://www.linkedin.com/in/ada-lovelace' }],
        // "Connected On" is when we first met: the trust figure's length starts there.
        firstMet: { date: '2023-12-10' },
      },
    })
  },
  'google-contacts-legacy-csv-header-only.csv': () => {
    const name = 'google-contacts-legacy-csv-header-only.csv'
    const table = readCsv(fixture(name))
    expect(table.headers).toHaveLength(77)
    expect(table.rows).toEqual([])
    const mapping = suggestMapping(table.headers)
    const at = (h: string) => mapping[table.headers.indexOf(h)]
    expect(at('Name')).toBe('name')
    expect(at('Given Name')).toBe('givenName')
    expect(at('Family Name')).toBe('familyName')
    expect(at('Given Name Yomi')).toBe('ignore')
    expect(at('E-mail 1 - Type')).toBe('ignore')
    expect(at('E-mail 2 - Value')).toBe('email')
    expect(at('Phone 1 - Value')).toBe('phone')
    expect(at('Organization 1 - Name')).toBe('organization')
    expect(at('Organization 1 - Title')).toBe('role')
    expect(at('Website 1 - Value')).toBe('website')
    expect(at('Group Membership')).toBe('tags')
    expect(at('Birthday')).toBe('birthday')
    const full = readCsv(
      withRow(name, {
        Name: 'Grace Hopper',
        'Given Name': 'Grace',
        'Family Name': 'Hopper',
        Birthday: '1906-12-09',
        'Group Membership': '* myContacts ::: Navy',
        'E-mail 1 - Type': '* Work',
        'E-mail 1 - Value': 'grace@example.com ::: hopper@example.org',
        'Phone 1 - Type': 'Mobile',
        'Phone 1 - Value': '+1 555 0100',
        'Organization 1 - Name': 'US Navy',
        'Organization 1 - Title': 'Rear Admiral',
      }),
    )
    const [row] = csvToRows(full, suggestMapping(full.headers))
    expectValid([row!])
    expect(row).toMatchObject({
      line: 2,
      fields: {
        name: 'Grace Hopper',
        organization: 'US Navy',
        role: 'Rear Admiral',
        tags: ['Navy'],
        emails: [
          { label: 'work', value: 'grace@example.com' },
          { label: 'work', value: 'hopper@example.org' },
        ],
        phones: [{ label: 'mobile', value: '+1 555 0100' }],
        importantDates: [{ label: 'birthday', date: '1906-12-09' }],
      },
    })
  },
  'eventbrite-attendees-header-only.csv': () => {
    const name = 'eventbrite-attendees-header-only.csv'
    const table = readCsv(fixture(name))
    expect(table.headers).toHaveLength(24)
    expect(table.rows).toEqual([])
    const mapping = suggestMapping(table.headers)
    const at = (h: string) => mapping[table.headers.indexOf(h)]
    expect([at('First Name'), at('Last Name'), at('Email'), at('Cell Phone')]).toEqual([
      'givenName',
      'familyName',
      'email',
      'phone',
    ])
    expect(at('Birth Date')).toBe('birthday')
    expect(at('Order #')).toBe('ignore')
    const full = readCsv(
      withRow(
        name,
        {
          'First Name': 'Ada',
          'Last Name': 'Lovelace',
          Email: 'ada@example.com',
          'Cell Phone': '+44 20 7946 0000',
          'Birth Date': '12/10/1815',
        },
        '\r\n',
      ),
    )
    const [row] = csvToRows(full, suggestMapping(full.headers))
    expect(row).toMatchObject({
      line: 2,
      fields: {
        name: 'Ada Lovelace',
        emails: [{ label: '', value: 'ada@example.com' }],
        phones: [{ label: 'mobile', value: '+44 20 7946 0000' }],
        importantDates: [{ label: 'birthday', date: '1815-12-10' }],
      },
    })
  },
  'luma-guests-header-only.csv': () => {
    const name = 'luma-guests-header-only.csv'
    const table = readCsv(fixture(name))
    expect(table.encoding).toBe('utf-8-bom')
    expect(table.headers[0]).toBe('api_id')
    expect(table.headers).toHaveLength(26)
    expect(table.rows).toEqual([])
    const mapping = suggestMapping(table.headers)
    const at = (h: string) => mapping[table.headers.indexOf(h)]
    expect(mapping.slice(0, 6)).toEqual([
      'ignore',
      'name',
      'givenName',
      'familyName',
      'email',
      'phone',
    ])
    expect(at('qr_code_url')).toBe('ignore')
    expect(at('What is your LinkedIn profile?')).toBe('linkedin')
    expect(at('What is your GitHub?')).toBe('website')
    const full = readCsv(
      withRow(
        name,
        {
          api_id: 'gst-1',
          name: '李娜',
          first_name: '娜',
          last_name: '李',
          email: 'lina@example.cn',
          'What is your LinkedIn profile?': 'https://www.linkedin.com/in/lina',
        },
        '\r\n',
      ),
    )
    const [row] = csvToRows(full, suggestMapping(full.headers))
    expect(row!.fields).toMatchObject({
      name: '李娜',
      givenName: '娜',
      familyName: '李',
      links: [{ kind: 'linkedin', value: 'https://www.linkedin.com/in/lina' }],
    })
  },
}

describe('real-world fixtures', () => {
  it('are where the tests expect them', () => {
    expect(existsSync(join(fixtures, 'SOURCES.md'))).toBe(true)
  })

  it('each .vcf and .csv has a test', () => {
    const files = readdirSync(fixtures).filter((f) => /\.(vcf|csv)$/.test(f))
    expect(files.length).toBeGreaterThanOrEqual(22)
    expect(files.filter((f) => !vcardChecks[f] && !csvChecks[f])).toEqual([])
  })

  describe('vCard', () => {
    for (const [name, check] of Object.entries(vcardChecks)) it(name, check)
  })

  describe('CSV', () => {
    for (const [name, check] of Object.entries(csvChecks)) it(name, check)
  })
})

/* ------------------------------------------------------------------------------------ */

/** GBK bytes of the characters these tests use (checked against TextDecoder below). */
const GBK: Record<string, number[]> = {
  姓: [0xd0, 0xd5],
  名: [0xc3, 0xfb],
  邮: [0xd3, 0xca],
  箱: [0xcf, 0xe4],
  手: [0xca, 0xd6],
  机: [0xbb, 0xfa],
  公: [0xb9, 0xab],
  司: [0xcb, 0xbe],
  职: [0xd6, 0xb0],
  位: [0xce, 0xbb],
  备: [0xb1, 0xb8],
  注: [0xd7, 0xa2],
  标: [0xb1, 0xea],
  签: [0xc7, 0xa9],
  生: [0xc9, 0xfa],
  日: [0xc8, 0xd5],
  微: [0xce, 0xa2],
  信: [0xd0, 0xc5],
  张: [0xd5, 0xc5],
  伟: [0xce, 0xb0],
  王: [0xcd, 0xf5],
  小: [0xd0, 0xa1],
  明: [0xc3, 0xf7],
  腾: [0xcc, 0xda],
  讯: [0xd1, 0xb6],
  经: [0xbe, 0xad],
  理: [0xc0, 0xed],
  朋: [0xc5, 0xf3],
  友: [0xd3, 0xd1],
  电: [0xb5, 0xe7],
  子: [0xd7, 0xd3],
  件: [0xbc, 0xfe],
  同: [0xcd, 0xac],
  事: [0xca, 0xc2],
  年: [0xc4, 0xea],
  月: [0xd4, 0xc2],
  '、': [0xa1, 0xa2],
}

function gbk(text: string): Uint8Array {
  const out: number[] = []
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0))
    else if (GBK[ch]) out.push(...GBK[ch])
    else throw new Error(`no GBK bytes for ${ch} in this test`)
  }
  return new Uint8Array(out)
}

describe('CSV encodings', () => {
  it('the hand-written GBK table is right', () => {
    const all = Object.keys(GBK).join('')
    expect(new TextDecoder('gbk').decode(gbk(all))).toBe(all)
  })

  it('reads a GBK file with Chinese headers as a spreadsheet app in China writes it', () => {
    const bytes = gbk(
      '姓名,邮箱,手机,公司,职位,备注,标签,生日,微信\r\n' +
        '张伟,zhangwei@example.cn,139 0000 0001,腾讯,经理,朋友,朋友、同事,1990年5月1日,zhangwei88\r\n' +
        '王小明,,,,,,,--05-01,\r\n',
    )
    const table = readCsv(bytes)
    expect(table.encoding).toBe('gb18030')
    expect(table.headers).toEqual([
      '姓名',
      '邮箱',
      '手机',
      '公司',
      '职位',
      '备注',
      '标签',
      '生日',
      '微信',
    ])
    const mapping = suggestMapping(table.headers)
    expect(mapping).toEqual([
      'name',
      'email',
      'phone',
      'organization',
      'role',
      'notes',
      'tags',
      'birthday',
      'wechat',
    ])
    const rows = csvToRows(table, mapping)
    expectValid(rows)
    expect(rows[0]).toMatchObject({
      line: 2,
      errors: [],
      fields: {
        name: '张伟',
        emails: [{ label: '', value: 'zhangwei@example.cn' }],
        phones: [{ label: 'mobile', value: '139 0000 0001' }],
        organization: '腾讯',
        role: '经理',
        notes: '朋友',
        tags: ['朋友', '同事'],
        importantDates: [{ label: 'birthday', date: '1990-05-01' }],
        links: [{ kind: 'wechat', value: 'zhangwei88' }],
      },
    })
    expect(rows[1]).toMatchObject({ line: 3, errors: [], fields: { name: '王小明' } })
    expect(rows[1]!.warnings.join()).toContain('has no year')
  })

  it('joins 姓 and 名 without a space', () => {
    const table = readCsv(gbk('姓,名,电子邮件\n王,小明,w@example.cn\n'))
    const mapping = suggestMapping(table.headers)
    expect(mapping).toEqual(['familyName', 'givenName', 'email'])
    expect(csvToRows(table, mapping)[0]!.fields).toMatchObject({
      name: '王小明',
      familyName: '王',
      givenName: '小明',
    })
  })

  it('strips a UTF-8 BOM and says it was there', () => {
    const body = new TextEncoder().encode('Name,Email\n张伟,z@example.cn\n')
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...body])
    expect(decodeText(bytes).encoding).toBe('utf-8-bom')
    const table = readCsv(bytes)
    expect(table.headers).toEqual(['Name', 'Email'])
    expect(csvToRows(table, suggestMapping(table.headers))[0]!.fields.name).toBe('张伟')
    expect(decodeText(body)).toEqual({ text: 'Name,Email\n张伟,z@example.cn\n', encoding: 'utf-8' })
  })

  it('reads UTF-16LE with a BOM', () => {
    const text = 'Name\tE-mail Address\nÅsa\tasa@example.se\n'
    const bytes = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(text, 'utf16le'))])
    const table = readCsv(bytes)
    expect(table.encoding).toBe('utf-16le')
    expect(table.delimiter).toBe('\t')
    expect(csvToRows(table, suggestMapping(table.headers))[0]!.fields).toMatchObject({
      name: 'Åsa',
      emails: [{ label: '', value: 'asa@example.se' }],
    })
  })
})

describe('CSV records', () => {
  it('numbers each record by its first line, across quoted newlines and blank lines', () => {
    const text = [
      'Name,Email,Notes',
      'Ada Lovelace,ada@example.com,"first line',
      'second line"',
      'Grace Hopper,grace@example.com,"a ""quoted"" word"',
      '',
      'Alan Turing,,"x',
      'y',
      'z"',
      ',,',
      ',,only a note',
      '',
    ].join('\r\n')
    const table = readCsv(new TextEncoder().encode(text))
    expect(table.rows.map((r) => r.line)).toEqual([2, 4, 6, 10])
    const rows = csvToRows(table, suggestMapping(table.headers))
    expect(rows.map((r) => [r.line, r.fields.name ?? null, r.errors])).toEqual([
      [2, 'Ada Lovelace', []],
      [4, 'Grace Hopper', []],
      [6, 'Alan Turing', []],
      [10, null, ['no name']],
    ])
    expect(rows[0]!.fields.notes).toBe('first line\nsecond line')
    expect(rows[1]!.fields.notes).toBe('a "quoted" word')
  })

  it('accumulates several email and phone columns, and splits semicolon files', () => {
    const text =
      'First Name;Last Name;E-mail Address;E-mail 2 Address;Mobile Phone;Business Phone;Title;Job Title\n' +
      'Marie;Curie;marie@example.fr;curie@example.org;+33 1 00 00 00 00;+33 1 11 11 11 11;Dr.;Physicist\n'
    const table = readCsv(text)
    expect(table.delimiter).toBe(';')
    const mapping = suggestMapping(table.headers)
    // Outlook's "Title" is the honorific when "Job Title" is there too.
    expect(mapping.slice(6)).toEqual(['ignore', 'role'])
    const [row] = csvToRows(table, mapping)
    expect(row!.fields).toMatchObject({
      name: 'Marie Curie',
      role: 'Physicist',
      emails: [
        { label: '', value: 'marie@example.fr' },
        { label: '', value: 'curie@example.org' },
      ],
      phones: [
        { label: 'mobile', value: '+33 1 00 00 00 00' },
        { label: 'work', value: '+33 1 11 11 11 11' },
      ],
    })
  })

  it('copes with empty input and a file that is only a header', () => {
    expect(readCsv(new Uint8Array()).rows).toEqual([])
    const table = readCsv('Name,Email\r\n')
    expect(table.headers).toEqual(['Name', 'Email'])
    expect(csvToRows(table, suggestMapping(table.headers))).toEqual([])
  })

  it('warns about an unclosed quote instead of failing', () => {
    const table = readCsv('Name,Notes\nAda,"never closed\nGrace,x\n')
    const rows = csvToRows(table, suggestMapping(table.headers))
    expect(rows[0]!.fields.name).toBe('Ada')
    expect(rows[0]!.warnings).toContain('a quote is not closed')
  })
})

describe('vCard', () => {
  it('reads several 4.0 cards with CJK names, links and dates', () => {
    const text = [
      'BEGIN:VCARD',
      'VERSION:4.0',
      'N:张;伟;;;',
      'TEL;TYPE=cell;VALUE=uri:tel:+86-139-0000-0001',
      'IMPP:weixin:zhangwei88',
      'ORG:腾讯;微信事业群',
      'BDAY:--0415',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:4.0',
      'FN:王小明',
      'EMAIL;TYPE=work:wang@example.cn',
      'URL:https://weibo.com/wangxiaoming',
      'X-SOCIALPROFILE;TYPE=linkedin:https://www.linkedin.com/in/wxm',
      'CATEGORIES:朋友,同事',
      'ANNIVERSARY:20100102',
      'RELATED;TYPE=spouse;VALUE=text:李娜',
      'PHOTO:data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:4.0',
      'NOTE:nothing that names anyone',
      'END:VCARD',
      '',
    ].join('\r\n')
    const rows = parseVCards(text)
    expectValid(rows)
    expect(rows.map((r) => r.line)).toEqual([1, 9, 20])
    expect(rows[0]!.fields).toMatchObject({
      name: '张伟',
      familyName: '张',
      givenName: '伟',
      organization: '腾讯',
      phones: [{ label: 'mobile', value: '+86-139-0000-0001' }],
      // The id people exchange, without IMPP's scheme.
      links: [{ kind: 'wechat', value: 'zhangwei88' }],
    })
    expect(rows[0]!.fields.importantDates).toBeUndefined()
    expect(rows[0]!.warnings.join()).toContain('has no year')
    expect(rows[1]!.fields).toMatchObject({
      name: '王小明',
      emails: [{ label: 'work', value: 'wang@example.cn' }],
      links: [
        { kind: 'weibo', value: 'https://weibo.com/wangxiaoming' },
        { kind: 'linkedin', value: 'https://www.linkedin.com/in/wxm' },
      ],
      tags: ['朋友', '同事'],
      importantDates: [{ label: 'anniversary', date: '2010-01-02' }],
      family: 'Spouse: 李娜',
    })
    expect(rows[1]!.photo?.mime).toBe('image/png')
    expect(rows[2]).toMatchObject({ line: 20, errors: ['no name'] })
  })

  it('decodes 2.1 charsets per property from bytes, and quoted-printable from text', () => {
    const head = new TextEncoder().encode('BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=GBK:')
    const tail = new TextEncoder().encode(
      ';;;\r\nTEL;CELL;PREF:13900000001\r\nPHOTO;ENCODING=BASE64;PNG:iVBORw0KGgo\r\n AAAA\r\n\r\nEND:VCARD\r\n',
    )
    const bytes = new Uint8Array([...head, ...gbk('张;伟'), ...tail])
    const [row] = parseVCards(bytes)
    expect(row!.fields).toMatchObject({
      name: '张伟',
      phones: [{ label: 'mobile', value: '13900000001' }],
    })
    expect(row!.photo?.mime).toBe('image/png')

    const [qp] = parseVCards(
      'BEGIN:VCARD\nVERSION:2.1\nFN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=E6=9D=8E=\n=E5=A8=9C\nEND:VCARD\n',
    )
    expect(qp!.fields.name).toBe('李娜')
  })

  it("reads Rapport's own fields from a card another app saved again", () => {
    const text = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      'PRODID:-//Apple Inc.//macOS 14.4//EN',
      'FN:Rich',
      'TITLE:Founder',
      'ROLE:Climbing',
      'X-ASSISTANT:Someone Else',
      'item1.X-ABRELATEDNAMES:Maria',
      'item1.X-ABLabel:_$!<Spouse>!$_',
      'X-RAPPORT-WHATTHEYDO;VALUE=text:Builds climbing gyms\\, in 3 cities',
      'X-RAPPORT-CHALLENGES:Hiring\\, funding\\nand permits',
      'X-RAPPORT-ASSISTANTNAME: Li Na ',
      'X-RAPPORT-FAMILY:Son\\, 7',
      'X-RAPPORT-FIRSTMET-DATE:2024-04-01',
      'X-RAPPORT-FIRSTMET-PLACE:Shanghai',
      'X-RAPPORT-TIER:Close',
      'X-RAPPORT-ECOSYSTEM:work',
      'X-RAPPORT-INFLUENCE:strong',
      'X-RAPPORT-CLOSENESS:medium',
      'X-RAPPORT-CADENCEDAYS:14',
      'X-RAPPORT-ARCHIVED:TRUE',
      'X-RAPPORT-INTRODUCEDBYID:contact-1',
      'X-RAPPORT-MUTUALIDS:contact-2',
      'X-RAPPORT-MUTUALIDS:contact-3',
      'INTEREST:climbing',
      'INTEREST;VALUE=text:film photography',
      'item2.X-ABDATE:2019-09-01',
      'item2.X-ABLabel:Anniversary',
      'END:VCARD',
      '',
    ].join('\r\n')
    const rows = parseVCards(text)
    expectValid(rows)
    expect(rows[0]!.warnings).toEqual([])
    expect(rows[0]!.fields).toMatchObject({
      name: 'Rich',
      role: 'Founder',
      whatTheyDo: 'Builds climbing gyms, in 3 cities',
      challenges: 'Hiring, funding\nand permits',
      assistantName: 'Li Na',
      family: 'Son, 7\nSpouse: Maria',
      firstMet: { date: '2024-04-01', place: 'Shanghai' },
      tier: 'close',
      ecosystem: 'work',
      influence: 'strong',
      closeness: 'medium',
      cadenceDays: 14,
      archived: true,
      introducedById: 'contact-1',
      mutualIds: ['contact-2', 'contact-3'],
      interests: ['climbing', 'film photography'],
      // A label from X-ABLabel stays as the user wrote it.
      importantDates: [{ label: 'Anniversary', date: '2019-09-01' }],
    })
  })

  it('skips Rapport fields it cannot read, with a warning, and ignores unknown ones', () => {
    const text = [
      'BEGIN:VCARD',
      'VERSION:4.0',
      'FN:Odd',
      'X-RAPPORT-TIER:gold',
      'X-RAPPORT-CADENCEDAYS:0',
      'X-RAPPORT-ARCHIVED:maybe',
      'X-RAPPORT-FIRSTMET-DATE:--0401',
      'X-RAPPORT-MUTUALIDS:' + 'x'.repeat(65),
      'X-RAPPORT-SOMETHING-NEW:whatever',
      'X-RAPPORT-GOALS:',
      'END:VCARD',
    ].join('\r\n')
    const [row] = parseVCards(text)
    expectValid([row!])
    expect(row!.errors).toEqual([])
    expect(Object.keys(row!.fields)).toEqual(['name'])
    expect(row!.warnings).toEqual([
      'X-RAPPORT-TIER "gold" could not be read and was skipped',
      'X-RAPPORT-CADENCEDAYS "0" could not be read and was skipped',
      'X-RAPPORT-ARCHIVED "maybe" could not be read and was skipped',
      'X-RAPPORT-FIRSTMET-DATE "--0401" could not be read and was skipped',
      `X-RAPPORT-MUTUALIDS "${'x'.repeat(65)}" could not be read and was skipped`,
    ])
  })

  it("reads Rapport's own cards exactly: tags, labels, link kinds and dates", () => {
    const own = (...lines: string[]) =>
      parseVCards(
        ['BEGIN:VCARD', 'VERSION:4.0', 'PRODID:-//Rapport//Rapport//EN', 'FN:Own', ...lines]
          .concat('END:VCARD', '')
          .join('\r\n'),
      )[0]!
    const row = own(
      'CATEGORIES:a\\, b,c;d,e、f,My Contacts,x\\\\,y',
      'TEL;VALUE=text;TYPE=cell:tel:123',
      'EMAIL:plain@example.com',
      'item1.EMAIL;TYPE=home:h@example.com',
      'item1.X-ABLabel:_$!<Home>!$_',
      'URL:https://www.linkedin.com/in/web-kind',
      'URL;TYPE=other:https://example.com/o',
      'URL;TYPE=weibo:https://example.com/w',
      'X-SOCIALPROFILE;TYPE=web:example dot com',
      'IMPP:weixin:wx_id',
      'BDAY:16040229',
      'X-ABDATE:2020-01-01',
      // Text, not a byte order mark: each value is decoded on its own.
      'NOTE:\ufeff  starts with U+FEFF ',
    )
    expect(row.warnings).toEqual([])
    expect(row.fields).toMatchObject({
      tags: ['a, b', 'c;d', 'e、f', 'My Contacts', 'x\\', 'y'],
      phones: [{ label: 'cell', value: 'tel:123' }],
      emails: [
        { label: '', value: 'plain@example.com' },
        { label: '_$!<Home>!$_', value: 'h@example.com' },
      ],
      links: [
        { kind: 'web', value: 'https://www.linkedin.com/in/web-kind' },
        { kind: 'other', value: 'https://example.com/o' },
        { kind: 'weibo', value: 'https://example.com/w' },
        { kind: 'web', value: 'example dot com' },
        { kind: 'wechat', value: 'wx_id' },
      ],
      importantDates: [
        { label: 'birthday', date: '1604-02-29' },
        { label: '', date: '2020-01-01' },
      ],
      notes: '\ufeff  starts with U+FEFF ',
    })
    // The same categories from anyone else: escaped commas and 、 separate too.
    const other = parseVCards(
      'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Other\r\nCATEGORIES:a\\, b,e、f,My Contacts\r\nEND:VCARD\r\n',
    )[0]!
    expect(other.fields.tags).toEqual(['a', 'b', 'e', 'f'])
  })

  it('reads years before 100 as they are written', () => {
    const [row] = parseVCards(
      'BEGIN:VCARD\r\nVERSION:2.1\r\nFN:X\r\nBDAY:0050-06-15\r\nEND:VCARD\r\n',
    )
    expect(row!.fields.importantDates).toEqual([{ label: 'birthday', date: '0050-06-15' }])
    expect(parseDate('0001-01-01')).toEqual({ kind: 'date', date: '0001-01-01' })
  })

  it('finds no cards in a file without any', () => {
    expect(parseVCards('')).toEqual([])
    expect(parseVCards('hello\nworld')).toEqual([])
  })
})

describe('shared helpers', () => {
  it('puts CJK family names first without a space', () => {
    expect(assembleName('伟', '张')).toBe('张伟')
    expect(assembleName('Ada', 'Lovelace')).toBe('Ada Lovelace')
    expect(assembleName('', 'Lovelace')).toBe('Lovelace')
  })

  it.each([
    ['1980-03-22', '1980-03-22'],
    ['19800322', '1980-03-22'],
    ['1980/3/2', '1980-03-02'],
    ['1980年3月22日', '1980-03-22'],
    ['22.03.1980', '1980-03-22'],
    ['3/22/1980', '1980-03-22'],
    ['22/3/1980', '1980-03-22'],
    ['22 March 1980', '1980-03-22'],
    ['Mar 22, 1980', '1980-03-22'],
    ['1980-03-22T00:00:00Z', '1980-03-22'],
  ])('reads %s', (input, date) => expect(parseDate(input)).toEqual({ kind: 'date', date }))

  it('tells partial and unreadable dates apart', () => {
    expect(parseDate('--0415').kind).toBe('partial')
    expect(parseDate('--04-15').kind).toBe('partial')
    expect(parseDate('4月15日').kind).toBe('partial')
    expect(parseDate('1980-02-30').kind).toBe('invalid')
    expect(parseDate('someday').kind).toBe('invalid')
  })
})
