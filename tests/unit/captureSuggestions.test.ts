import { describe, expect, it } from 'vitest'
import { rankCaptureSuggestions } from '../../src/renderer/src/capture/captureSuggestions'
import type { EventPerson } from '../../src/shared/model'

const person = (id: string, name: string, organization: string, contactId?: string) =>
  ({
    id,
    name,
    organization,
    title: '',
    email: '',
    linkedinUrl: '',
    role: 'speaker',
    ...(contactId ? { contactId } : {}),
  }) satisfies EventPerson

describe('quick capture suggestions', () => {
  // The contact search answers in its own order (alphabetical within a relevance rank).
  const found = [
    { id: 'c-li-bytedance', name: '李娜', organization: '字节跳动' },
    { id: 'c-li-sequoia', name: '李娜', organization: '红杉中国' },
  ]

  it("ranks the people on the current event's list first, then listed prospects, then other contacts", () => {
    const event = {
      people: [
        person('p1', '李娜', '红杉中国', 'c-li-sequoia'),
        person('p2', '李娜娜', '高瓴资本'),
        person('p3', '王五', '华为'),
      ],
      targetContactIds: [],
    }
    expect(
      rankCaptureSuggestions('李娜', found, event).map((s) => [
        s.name,
        s.organization,
        s.contactId,
      ]),
    ).toEqual([
      ['李娜', '红杉中国', 'c-li-sequoia'],
      ['李娜娜', '高瓴资本', null],
      ['李娜', '字节跳动', 'c-li-bytedance'],
    ])
  })

  it('keeps the search order without an event', () => {
    expect(rankCaptureSuggestions('李娜', found, undefined).map((s) => s.contactId)).toEqual([
      'c-li-bytedance',
      'c-li-sequoia',
    ])
  })
})
