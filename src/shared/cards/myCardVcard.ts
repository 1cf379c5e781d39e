import type { Settings } from '../model'

/** Text escaped as vCard 3.0 asks (RFC 2426 §5): backslash, comma, semicolon, new line. */
function escapeValue(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/,/g, '\\,')
    .replace(/;/g, '\\;')
    .replace(/\r?\n/g, '\\n')
}

/** What "My card" shows: my details from Settings → Me, and where we met. */
export interface MyCard {
  me: Pick<Settings['me'], 'name' | 'email' | 'phone' | 'wechat'>
  /** "met at <event>", as typed; becomes the card's note on the other phone. */
  eventNote: string
}

/**
 * My card as a vCard 3.0, the version every phone camera reads. CRLF line ends as the RFC
 * asks; no folding, since a QR code has no line length. WeChat goes both as X-WECHAT (kept by
 * Rapport and WeChat-aware apps) and, when it is a plain id, as IMPP weixin:.
 */
export function myCardVcard({ me, eventNote }: MyCard): string {
  const lines = ['BEGIN:VCARD', 'VERSION:3.0']
  const name = me.name.trim()
  lines.push(`N:${escapeValue(name)};;;;`, `FN:${escapeValue(name)}`)
  if (me.phone.trim()) lines.push(`TEL;TYPE=CELL:${escapeValue(me.phone.trim())}`)
  if (me.email.trim()) lines.push(`EMAIL;TYPE=INTERNET:${escapeValue(me.email.trim())}`)
  if (me.wechat.trim()) lines.push(`X-WECHAT:${escapeValue(me.wechat.trim())}`)
  if (eventNote.trim()) lines.push(`NOTE:${escapeValue(eventNote.trim())}`)
  lines.push('END:VCARD')
  return lines.join('\r\n') + '\r\n'
}
