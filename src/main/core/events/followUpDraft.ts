import type { Language } from '../../../shared/model'

export interface DraftInput {
  language: Language
  me: { name: string; email: string; phone: string; wechat: string; valueProposition: string }
  contact: { name: string; givenName?: string | undefined }
  event: { name: string; city: string }
  /** What was captured in the conversation, if anything. */
  captured?:
    | {
        howCanIHelp: string
        theirAdvice: string
        seed: string
        /** Names from "whom should you meet", already picked out of the note. */
        introduce: string[]
      }
    | undefined
  /** A few concrete times to propose, already worded. */
  slots: string[]
}

export interface FollowUpDraft {
  subject: string
  body: string
}

const WORDS = {
  en: {
    subject: (event: string) => `Great to meet you at ${event}`,
    hello: (name: string) => `Hi ${name},`,
    thanks: (event: string) => `Thank you for the conversation at ${event}.`,
    advice: (advice: string) =>
      `Your advice stayed with me ("${advice}"), and I am going to act on it.`,
    enjoyed: 'I enjoyed hearing about your work.',
    value: 'Here is something I hope helps:',
    valueBlank: (note: string) =>
      note
        ? `[Something of value for them: a link, a person or a piece of information. Your note: ${note}]`
        : '[Something of value for them: a link, a person or a piece of information]',
    introduce: (names: string) =>
      `You said you would like to meet ${names}; I am glad to introduce you. Shall I send a short note to you both?`,
    promise: (seed: string) => `[The promise to keep, in your words to them: ${seed}]`,
    meet: (place: string) =>
      `Could we meet again for a coffee${place ? ` in ${place}` : ''}? Would one of these times suit you?`,
    reach: 'You can reach me here:',
    noDetails: '[My contact details: add them in Settings]',
    bye: 'Best regards,',
    labelled: (label: string, value: string) => `${label}: ${value}`,
    email: 'Email',
    phone: 'Phone',
    wechat: 'WeChat',
  },
  'zh-CN': {
    subject: (event: string) => `很高兴在${event}认识你`,
    hello: (name: string) => `${name}，你好！`,
    thanks: (event: string) => `谢谢你在${event}和我聊了那么多。`,
    advice: (advice: string) => `你给我的建议“${advice}”，我记下了，回去就试试。`,
    enjoyed: '听你讲你在做的事，很受启发。',
    value: '这个也许对你有用：',
    valueBlank: (note: string) =>
      note
        ? `【在这里写一样给对方的东西：一个链接、一位可以联系的人或一条信息。你当时记下的：${note}】`
        : '【在这里写一样给对方的东西：一个链接、一位可以联系的人或一条信息】',
    introduce: (names: string) => `你说想认识${names}，我很乐意帮你们牵个线。要不要我拉个群？`,
    promise: (seed: string) => `【答应对方的事，用对对方说的话写在这里：${seed}】`,
    meet: (place: string) =>
      `方便的话，我们${place ? `在${place}` : ''}再约一杯咖啡？下面几个时间你看哪个合适：`,
    reach: '我的联系方式：',
    noDetails: '【我的联系方式：请在设置中填写】',
    bye: '祝好',
    labelled: (label: string, value: string) => `${label}：${value}`,
    email: '邮箱',
    phone: '电话',
    wechat: '微信',
  },
} as const

/**
 * The 24-hour message after the method, in the first person to them: thanks that name the event
 * and one thing they said; something of value I give (left as a marked blank for the user to fill,
 * with their note beside it, because a note about them is not a sentence to them); an
 * introduction when they named someone; my contact details; a concrete next meeting with a place
 * and times. A draft to edit, in the interface language and its punctuation.
 */
export function followUpDraft(input: DraftInput): FollowUpDraft {
  const zh = input.language === 'zh-CN'
  const w = WORDS[input.language]
  const greetName = zh
    ? input.contact.name
    : input.contact.givenName?.trim() || input.contact.name.split(/\s+/)[0] || input.contact.name
  const captured = input.captured
  const advice = oneLine(captured?.theirAdvice ?? '')
  const thanks = [w.thanks(input.event.name), advice ? w.advice(advice) : w.enjoyed].join(
    zh ? '' : ' ',
  )
  const gift = [w.value, w.valueBlank(oneLine(captured?.howCanIHelp ?? ''))].join('\n')
  const names = captured?.introduce.filter(Boolean) ?? []
  const introduce = names.length ? w.introduce(listOf(names, zh)) : ''
  const seed = oneLine(captured?.seed ?? '')
  const details = [
    input.me.email && w.labelled(w.email, input.me.email),
    input.me.phone && w.labelled(w.phone, input.me.phone),
    input.me.wechat && w.labelled(w.wechat, input.me.wechat),
  ].filter(Boolean)
  const paragraphs = [
    w.hello(greetName),
    thanks,
    [gift, introduce, seed ? w.promise(seed) : ''].filter(Boolean).join('\n\n'),
    [w.meet(input.event.city), ...input.slots.map((s) => `- ${s}`)].join('\n'),
    // The method asks to repeat them; with none in Settings, the draft says where to add them.
    details.length ? [w.reach, ...details].join('\n') : w.noDetails,
    [w.bye, input.me.name, input.me.valueProposition].filter(Boolean).join('\n'),
  ].filter(Boolean)
  const body = paragraphs.join('\n\n')
  const subject = w.subject(input.event.name)
  return zh
    ? { subject: spaceLatinInChinese(subject), body: spaceLatinInChinese(body) }
    : { subject, body }
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim()

/** "Ada, Lin and Bo" / "林伟、王芳和赵波". */
function listOf(names: string[], zh: boolean): string {
  if (names.length === 1) return names[0]!
  const head = names.slice(0, -1).join(zh ? '、' : ', ')
  return zh ? `${head}和${names.at(-1)}` : `${head} and ${names.at(-1)}`
}

const CJK = '\\u3400-\\u9fff\\uf900-\\ufaff'
const cjkThenLatin = new RegExp(`([${CJK}])([A-Za-z])`, 'g')
const latinThenCjk = new RegExp(`([A-Za-z])([${CJK}])`, 'g')

/** Chinese typesetting puts a space between Chinese characters and a Latin word (dates such as 12月3日 keep none). */
export function spaceLatinInChinese(text: string): string {
  return text.replace(cjkThenLatin, '$1 $2').replace(latinThenCjk, '$1 $2')
}

const DAY_MS = 24 * 60 * 60 * 1000
const SLOT_HOURS = ['10:00', '15:00', '10:00'] as const

/**
 * Three concrete times on the next working days, starting two days out (the message goes within
 * 24 hours, and nobody wants a meeting request for tomorrow morning).
 */
export function proposedSlots(now: Date, timeZone: string, language: Language): string[] {
  const weekday = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short' })
  const dayFormat = new Intl.DateTimeFormat(language, {
    timeZone,
    weekday: 'long',
    month: 'long',
    day: 'numeric',
  })
  const slots: string[] = []
  for (let d = 2; slots.length < SLOT_HOURS.length && d < 14; d++) {
    const day = new Date(now.getTime() + d * DAY_MS)
    const name = weekday.format(day)
    if (name === 'Sat' || name === 'Sun') continue
    slots.push(`${dayFormat.format(day)} ${SLOT_HOURS[slots.length]}`)
  }
  return slots
}
