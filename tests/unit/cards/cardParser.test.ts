import { describe, expect, it } from 'vitest'
import { cleanCardText, parseCardText } from '../../../src/main/core/cards/cardParser'

// Texts as tesseract.js read the rendered test cards (tests/fixtures/cards/), errors included.
describe('reading a business card from its OCR text', () => {
  it('reads a Chinese card, family name first, with CN national numbers as E.164', () => {
    const fields = parseCardText(
      '陈子涵\n创始人兼首席执行官\n深圳极光智能科技有限公司\n\n手机: +86 186-0779-4645\n邮箱: zihan.chen@jiguang-ai.com\n\n网址: www,jiguang-ai.com\n\n地址: 上海市浦东新区世纪大道100号\n',
    )
    expect(fields).toEqual({
      name: '陈子涵',
      familyName: '陈',
      givenName: '子涵',
      title: '创始人兼首席执行官',
      organization: '深圳极光智能科技有限公司',
      phones: ['+8618607794645'],
      emails: ['zihan.chen@jiguang-ai.com'],
      website: 'www.jiguang-ai.com',
      address: '上海市浦东新区世纪大道100号',
    })
  })

  it('removes the spaces OCR puts between Chinese characters', () => {
    expect(cleanCardText('周明 远\n产品 总监')).toEqual(['周明远', '产品总监'])
    expect(parseCardText('欧阳 明 远\n产品 总监\n手机：138 1234 5678').familyName).toBe('欧阳')
  })

  it('reads an English card, given name first, and repairs the email domain from the web address', () => {
    const fields = parseCardText(
      "Grace  Sinclair\nPrincipal Designer\nQuantum Field Inc，\n\nM': +44 7484 004698\n\n已 grace_sinclair@quantumfieldio\nwww.quantumfield,io\n\n1200 Pine Avenue， Seattle, WA 98101\n",
    )
    expect(fields.name).toBe('Grace Sinclair')
    expect(fields.givenName).toBe('Grace')
    expect(fields.familyName).toBe('Sinclair')
    expect(fields.organization).toBe('Quantum Field Inc.')
    expect(fields.phones).toEqual(['+447484004698'])
    expect(fields.emails).toEqual(['grace_sinclair@quantumfield.io'])
    expect(fields.website).toBe('www.quantumfield.io')
    expect(fields.address).toBe('1200 Pine Avenue, Seattle, WA 98101')
  })

  it('reads a LinkedIn address OCR broke, and a US number whose "+" was lost', () => {
    const fields = parseCardText(
      'Grace Turner\n\nAccount Executive\nBrightwave Media\n\n工 二1 (415) 207-7020\n\nEmail: grace.turner@brightwave.media\nlinkedin.coryin/emma-bennett-137\n',
    )
    expect(fields.phones).toEqual(['+14152077020'])
    expect(fields.linkedin).toBe('linkedin.com/in/emma-bennett-137')
    expect(fields.title).toBe('Account Executive')
  })

  it('keeps the Chinese side of a bilingual card and reads WeChat ids', () => {
    const fields = parseCardText(
      '杨静怡 Jingyi Yang\n市场经理 / Marketing Manager\n杭州青山资本\n\nQingshan Capital\n\nMobile 手机: +86 177-0689-0523\n\nTel 电话: +86 21 2588 1418\n\nEmail 邮箱: jingyi.yang@qingshancap.com\nWecChat 微信: yangjingyi06\n\nWeb 网址: www.qingshancap.com\n',
    )
    expect(fields.name).toBe('杨静怡')
    expect(fields.title).toBe('市场经理')
    expect(fields.organization).toBe('杭州青山资本')
    expect(fields.phones).toEqual(['+8617706890523', '+862125881418'])
    expect(fields.wechat).toBe('yangjingyi06')
  })

  it('pairs labels printed in a column of their own with the values below them', () => {
    const fields = parseCardText(
      '周子涵\n\n技术总监\n深圳极光智能科技有限公司\n\n手机:\n电话:\n\n邮箱:\n微信:\n网址:\n地址:\n\n135 4432 7328\n\n+86 571 1170 4869\nzihan.zhou@jiguang-ai.com\nzhouzihan13\nwww.jiguang-ai.com\n\n杭州市西湖区文三路90号\n',
    )
    expect(fields.phones).toEqual(['+8613544327328', '+8657111704869'])
    expect(fields.wechat).toBe('zhouzihan13')
    expect(fields.website).toBe('www.jiguang-ai.com')
    expect(fields.address).toBe('杭州市西湖区文三路90号')
  })

  it('reads a Latin name printed family name first in capitals', () => {
    expect(parseCardText('ZHANG Haoran\nProduct Manager\nemail: h@x.com')).toMatchObject({
      name: 'ZHANG Haoran',
      familyName: 'ZHANG',
      givenName: 'Haoran',
    })
  })
})
