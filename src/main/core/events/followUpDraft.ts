import type { Language } from '../../../shared/model'

export interface DraftInput {
  language: Language
  me: { name: string; email: string; phone: string; wechat: string; valueProposition: string }
  contact: { name: string; givenName?: string | undefined }
  event: { name: string; city: string }
  /** What was captured in the conversation, if anything. */
  captured?: { howCanIHelp: string; whomShouldTheyMeet: string; seed: string } | undefined
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
    thanks: (event: string) =>
      `Thank you for the conversation at ${event}. I enjoyed hearing about your work.`,
    value: (what: string) => `As promised, something that may help: ${what}`,
    person: (who: string) =>
      `You mentioned you would like to meet ${who}; I am happy to introduce you.`,
    seed: (seed: string) => `And I have not forgotten: ${seed}`,
    placeholder: '[A link, a person or a piece of information that helps them]',
    meet: (place: string) =>
      `Could we meet again for a coffee${place ? ` in ${place}` : ''}? Would one of these suit you:`,
    reach: 'You can reach me here:',
    noDetails: '[My contact details: add them in Settings]',
    bye: 'Best regards,',
    email: 'Email',
    phone: 'Phone',
    wechat: 'WeChat',
  },
  'zh-CN': {
    subject: (event: string) => `很高兴在${event}认识你`,
    hello: (name: string) => `${name}，你好！`,
    thanks: (event: string) => `谢谢你在${event}上和我交流，听你讲你的工作很有收获。`,
    value: (what: string) => `答应你的事，先发给你，希望有用：${what}`,
    person: (who: string) => `你提到想认识${who}，我很乐意帮你们引荐。`,
    seed: (seed: string) => `另外，我记着这件事：${seed}`,
    placeholder: '【一个链接、一位可以联系的人或一条对对方有用的信息】',
    meet: (place: string) =>
      `方便的话，我们${place ? `在${place}` : ''}再约一杯咖啡？下面几个时间你看哪个合适：`,
    reach: '我的联系方式：',
    noDetails: '【我的联系方式：请在设置中填写】',
    bye: '祝好，',
    email: '邮箱',
    phone: '电话',
    wechat: '微信',
  },
} as const

/**
 * The 24-hour message after the method: thank them and name the event, give something of value
 * from what was captured, repeat my contact details, and propose meeting again with a place and
 * a few times. A draft for the user to edit, in the interface language.
 */
export function followUpDraft(input: DraftInput): FollowUpDraft {
  const w = WORDS[input.language]
  const greetName =
    input.language === 'en'
      ? input.contact.givenName?.trim() || input.contact.name.split(/\s+/)[0] || input.contact.name
      : input.contact.name
  const value: string[] = []
  const captured = input.captured
  if (captured?.howCanIHelp.trim()) value.push(w.value(oneLine(captured.howCanIHelp)))
  if (captured?.whomShouldTheyMeet.trim())
    value.push(w.person(oneLine(captured.whomShouldTheyMeet)))
  if (captured?.seed.trim()) value.push(w.seed(oneLine(captured.seed)))
  if (value.length === 0) value.push(w.placeholder)
  const details = [
    input.me.email && `${w.email}: ${input.me.email}`,
    input.me.phone && `${w.phone}: ${input.me.phone}`,
    input.me.wechat && `${w.wechat}: ${input.me.wechat}`,
  ].filter(Boolean)
  const paragraphs = [
    w.hello(greetName),
    w.thanks(input.event.name),
    value.join('\n'),
    [w.meet(input.event.city), ...input.slots.map((s) => `- ${s}`)].join('\n'),
    // The method asks to repeat them; with none in Settings, the draft says where to add them.
    details.length ? [w.reach, ...details].join('\n') : w.noDetails,
    [w.bye, input.me.name, input.me.valueProposition].filter(Boolean).join('\n'),
  ].filter(Boolean)
  return { subject: w.subject(input.event.name), body: paragraphs.join('\n\n') }
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim()

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
