import type { QrContactPreview, QrReading } from '../../../shared/cards/qrCardOperations'
import { parseVCards } from '../importExport/vcardImport'
import {
  assembleName,
  finishRow,
  linkKind,
  newDraft,
  type ImportRow,
} from '../importExport/importRow'

/** The contact a read row holds, as the preview shows it before contacts.create. */
function previewOf(row: ImportRow): QrContactPreview {
  const f = row.fields
  return {
    name: f.name ?? '',
    organization: f.organization ?? '',
    role: f.role ?? '',
    phones: (f.phones ?? []).map((p) => ({ label: p.label ?? '', value: p.value })),
    emails: (f.emails ?? []).map((e) => ({ label: e.label ?? '', value: e.value })),
    links: f.links ?? [],
    notes: f.notes ?? '',
  }
}

/**
 * The fields of a MECARD (DoCoMo's format, as many Asian phones and card apps write it):
 * `MECARD:N:Family,Given;TEL:…;EMAIL:…;;`, with `\` escaping `\ ; : ,`.
 */
function mecardFields(text: string): [string, string][] {
  const body = text.replace(/^MECARD:/i, '')
  const fields: [string, string][] = []
  let current = ''
  for (let i = 0; i < body.length; i++) {
    const char = body[i]!
    if (char === '\\' && i + 1 < body.length) {
      current += `\\${body[++i]}`
    } else if (char === ';') {
      if (current) fields.push(splitField(current))
      current = ''
    } else {
      current += char
    }
  }
  if (current) fields.push(splitField(current))
  return fields
}

function splitField(raw: string): [string, string] {
  const colon = raw.search(/(?<!\\):/)
  const key = colon < 0 ? raw : raw.slice(0, colon)
  const value = colon < 0 ? '' : raw.slice(colon + 1)
  return [key.trim().toUpperCase(), value]
}

const unescape = (value: string) => value.replace(/\\(.)/g, '$1')

function readMecard(text: string): ImportRow {
  const draft = newDraft()
  for (const [key, raw] of mecardFields(text)) {
    const value = unescape(raw).trim()
    if (!value) continue
    switch (key) {
      case 'N': {
        // "Family,Given"; a CJK name is written whole, family name first.
        const [family, given] = raw.split(/(?<!\\),/).map((part) => unescape(part).trim())
        draft.familyName = family
        if (given) draft.givenName = given
        draft.name = assembleName(given, family)
        break
      }
      case 'TEL':
        draft.phones.push({ label: '', value })
        break
      case 'EMAIL':
        draft.emails.push({ label: '', value })
        break
      case 'URL':
        draft.links.push({ kind: linkKind(value), value })
        break
      case 'ORG':
        draft.organization = value
        break
      case 'TITLE':
        draft.role = value
        break
      case 'NICKNAME':
        draft.nickname = value
        break
      case 'NOTE':
      case 'ADR':
        draft.notes.push(value)
        break
    }
  }
  return finishRow(1, draft)
}

/** A WeChat or LinkedIn profile address, or null. */
function profileLink(text: string): (QrReading & { kind: 'profile' })['link'] | null {
  if (/^weixin:\/\/\S+$/i.test(text)) return { kind: 'wechat', value: text }
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return null
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null
  const host = url.hostname.toLowerCase()
  // WeChat's "My QR code" holds u.wechat.com/…; older codes weixin.qq.com/r/….
  if (host === 'u.wechat.com' || (host === 'weixin.qq.com' && url.pathname.startsWith('/r/'))) {
    return { kind: 'wechat', value: url.href }
  }
  if (
    (host === 'linkedin.com' || host.endsWith('.linkedin.com')) &&
    /^\/in\/[^/]+\/?$/.test(url.pathname)
  ) {
    return { kind: 'linkedin', value: `https://www.linkedin.com${url.pathname.replace(/\/$/, '')}` }
  }
  return null
}

/** What a scanned QR code's text holds: a contact, a profile link, or text to show as it is. */
export function readQrText(text: string): QrReading {
  const trimmed = text.trim()
  if (/^BEGIN:VCARD/i.test(trimmed)) {
    const [row] = parseVCards(trimmed)
    if (row && row.errors.length === 0)
      return { kind: 'contact', format: 'vcard', contact: previewOf(row) }
  } else if (/^MECARD:/i.test(trimmed)) {
    const row = readMecard(trimmed)
    if (row.errors.length === 0)
      return { kind: 'contact', format: 'mecard', contact: previewOf(row) }
  } else {
    const link = profileLink(trimmed)
    if (link) return { kind: 'profile', link }
  }
  return { kind: 'text', text }
}
