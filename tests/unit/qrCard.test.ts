import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import QRCode from 'qrcode'
import { describe, expect, it } from 'vitest'
import { readQrText } from '../../src/main/core/cards/readQrText'
import type { Contact } from '../../src/shared/model'
import { myCardVcard } from '../../src/shared/cards/myCardVcard'
import type { QrReading } from '../../src/shared/cards/qrCardOperations'
import { call, quietCore } from './helpers'

/** What a phone camera does: render the code as an image, then find and decode it. */
async function scan(text: string): Promise<string> {
  const png = PNG.sync.read(await QRCode.toBuffer(text, { type: 'png', width: 600, margin: 4 }))
  const found = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)
  if (!found) throw new Error('no QR code found in the image')
  return found.data
}

describe('my card as a QR code', () => {
  it('reads back with the same name, phone, email, WeChat and event note', async () => {
    const me = {
      name: '林悦',
      phone: '+86 139 0000 0101',
      email: 'lin.yue@example.cn',
      wechat: 'linyue_88',
    }
    const text = myCardVcard({ me, eventNote: '在 GopherChina 2026 认识; 聊了 Go, 也聊了播客' })
    const read = readQrText(await scan(text))
    expect(read).toEqual({
      kind: 'contact',
      format: 'vcard',
      contact: {
        name: '林悦',
        organization: '',
        role: '',
        phones: [{ label: 'mobile', value: '+86 139 0000 0101' }],
        emails: [{ label: '', value: 'lin.yue@example.cn' }],
        links: [{ kind: 'wechat', value: 'linyue_88' }],
        notes: '在 GopherChina 2026 认识; 聊了 Go, 也聊了播客',
      },
    })
  })

  it('leaves out what I did not fill in', async () => {
    const text = myCardVcard({
      me: { name: 'Ada Lovelace', phone: '', email: 'ada@example.org', wechat: '' },
      eventNote: '',
    })
    expect(text).not.toMatch(/TEL|X-WECHAT|NOTE/)
    const read = readQrText(await scan(text))
    expect(read.kind === 'contact' && read.contact).toMatchObject({
      name: 'Ada Lovelace',
      phones: [],
      emails: [{ value: 'ada@example.org' }],
      links: [],
      notes: '',
    })
  })
})

describe('reading a scanned code', () => {
  it('turns a MECARD into a contact preview, with its escapes', async () => {
    const read = readQrText(
      await scan(
        'MECARD:N:Wang,Wei;ORG:ACME\\; Labs;TEL:+8613800000000;EMAIL:wei@acme.cn;URL:https://www.linkedin.com/in/wei-wang;;',
      ),
    )
    expect(read).toEqual({
      kind: 'contact',
      format: 'mecard',
      contact: {
        name: 'Wei Wang',
        organization: 'ACME; Labs',
        role: '',
        phones: [{ label: '', value: '+8613800000000' }],
        emails: [{ label: '', value: 'wei@acme.cn' }],
        links: [{ kind: 'linkedin', value: 'https://www.linkedin.com/in/wei-wang' }],
        notes: '',
      },
    })
  })

  it('recognises WeChat and LinkedIn profile links', async () => {
    expect(readQrText(await scan('https://u.wechat.com/EAbCdEfGhIjK'))).toEqual({
      kind: 'profile',
      link: { kind: 'wechat', value: 'https://u.wechat.com/EAbCdEfGhIjK' },
    })
    expect(readQrText('https://cn.linkedin.com/in/lin-yue/?trk=qr')).toEqual({
      kind: 'profile',
      link: { kind: 'linkedin', value: 'https://www.linkedin.com/in/lin-yue' },
    })
  })

  it('shows anything else as text', () => {
    for (const text of [
      'https://evil.example/linkedin.com/in/x',
      'javascript:alert(1)',
      'https://www.linkedin.com/company/acme',
      'WIFI:T:WPA;S:home;P:secret;;',
      'BEGIN:VCARD\r\nVERSION:3.0\r\nEND:VCARD',
    ]) {
      expect(readQrText(text)).toEqual({ kind: 'text', text })
    }
  })
})

describe('the QR operations through the contract', () => {
  it('stores a scanned profile link on a contact once, and refuses bad input', async () => {
    const core = await quietCore()
    try {
      const contact = await call<Contact>(core, 'contacts.create', { name: '林悦' })
      const reading = await call<QrReading>(core, 'qrCard.read', {
        text: 'https://u.wechat.com/EAbCdEfGhIjK',
      })
      expect(reading.kind).toBe('profile')
      if (reading.kind !== 'profile') return
      const link = reading.link
      await call(core, 'qrCard.addLink', { contactId: contact.id, link })
      const twice = await call<Contact>(core, 'qrCard.addLink', { contactId: contact.id, link })
      expect(twice.links).toEqual([link])
      await expect(call(core, 'qrCard.read', { text: 'x'.repeat(3000) })).rejects.toMatchObject({
        code: 'VALIDATION',
      })
      await expect(
        call(core, 'qrCard.addLink', {
          contactId: contact.id,
          link: { kind: 'web', value: 'https://a.example' },
        }),
      ).rejects.toMatchObject({ code: 'VALIDATION' })
      await expect(
        call(core, 'qrCard.addLink', { contactId: 'nobody', link }),
      ).rejects.toMatchObject({
        code: 'NOT_FOUND',
      })
      expect((await call<Contact>(core, 'contacts.get', { id: contact.id })).links).toEqual([link])
    } finally {
      await core.close()
    }
  })
})
