import type { z } from 'zod'
import {
  communitySchema,
  contactSchema,
  encounterSchema,
  eventSchema,
  followUpSchema,
  gatheringSchema,
  relationshipSchema,
} from '../../../shared/model'
import type {
  CareKind,
  Community,
  Contact,
  Encounter,
  FollowUp,
  Gathering,
  Language,
  RapportEvent,
  Relationship,
  StoreData,
} from '../../../shared/model'
import { followUpWords } from '../../../shared/followUps/followUpWords'
import { DEFAULT_CADENCE_DAYS } from '../contacts/cardInsights'

/** The collections the demo network fills: every record carries `demo: true`. */
export type DemoRecords = Pick<
  StoreData,
  | 'contacts'
  | 'events'
  | 'encounters'
  | 'followUps'
  | 'communities'
  | 'gatherings'
  | 'relationships'
>

type ContactFields = Omit<z.input<typeof contactSchema>, 'id' | 'createdAt' | 'updatedAt' | 'demo'>

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR
/** Asia/Shanghai has no daylight saving time, so a fixed offset is exact. */
const SHANGHAI_OFFSET = 8 * HOUR
const TIME_ZONE = 'Asia/Shanghai'

export const DEMO_UPCOMING_EVENT_ID = 'demo-event-upcoming'
export const DEMO_PAST_EVENT_ID = 'demo-event-past'
export const DEMO_COMMUNITY_ID = 'demo-community-01'
export const DEMO_GATHERING_ID = 'demo-gathering-01'

const pad = (n: number): string => String(n).padStart(2, '0')
/** Deterministic ids, e.g. `demo-contact-07`. */
export const demoContactId = (n: number): string => `demo-contact-${pad(n)}`
const encounterId = (n: number): string => `demo-encounter-${pad(n)}`
const followUpId = (n: number): string => `demo-followup-${pad(n)}`
const relationshipId = (n: number): string => `demo-relationship-${pad(n)}`
const C = demoContactId
const demoNumber = (id: string): number => Number(id.slice('demo-contact-'.length))

/** `days` from `now` on the Shanghai calendar, at hour:minute Shanghai time. */
function shanghaiAt(now: Date, days: number, hour: number, minute = 0): Date {
  const local = new Date(now.getTime() + SHANGHAI_OFFSET + days * DAY)
  const utc = Date.UTC(
    local.getUTCFullYear(),
    local.getUTCMonth(),
    local.getUTCDate(),
    hour,
    minute,
  )
  return new Date(utc - SHANGHAI_OFFSET)
}

/** The Shanghai calendar date (YYYY-MM-DD) of an instant. */
function dateOnly(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET).toISOString().slice(0, 10)
}

const isLeapYear = (year: number): boolean =>
  (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0

/** A birthday in `year` that falls `daysFromNow` days after `now` (month and day only). */
function birthday(now: Date, year: number, daysFromNow: number): string {
  const monthDay = dateOnly(new Date(now.getTime() + daysFromNow * DAY)).slice(5)
  return `${year}-${monthDay === '02-29' && !isLeapYear(year) ? '02-28' : monthDay}`
}

const iso = (at: Date): string => at.toISOString()
const plus = (at: Date, ms: number): Date => new Date(at.getTime() + ms)

/**
 * A small, believable network so nothing is empty on first launch: about thirty contacts, an
 * upcoming conference with targets, a past event with encounters and follow-ups (some overdue),
 * an owned community with a gathering, and relationships between contacts. Every date is relative
 * to `now`; ids are stable so the same call always yields the same records.
 */
export function buildDemoNetwork(language: Language, now: Date): DemoRecords {
  const zh = language === 'zh-CN'
  /** Every human text is written once, in both languages. */
  const t = (zhText: string, enText: string): string => (zh ? zhText : enText)
  const daysAgo = (days: number): Date => new Date(now.getTime() - days * DAY)
  const metOn = (days: number): string => dateOnly(daysAgo(days))

  const upcomingStart = shanghaiAt(now, 12, 9)
  const upcomingEnd = shanghaiAt(now, 13, 18)
  const pastStart = shanghaiAt(now, -5, 13, 30)
  const pastEnd = shanghaiAt(now, -5, 18)
  const gatheringStart = shanghaiAt(now, 9, 19)

  const pastVenue = t('西溪创新中心', 'Xixi Innovation Centre')
  const pastName = t('西湖气候科技论坛', 'West Lake Climate Tech Forum')
  const pastMet = (how: string) => ({ date: dateOnly(pastStart), place: pastName, how })

  const mobile = t('手机', 'mobile')
  const work = t('工作', 'work')
  const office = t('办公室', 'office')
  const birthdayLabel = t('生日', 'Birthday')

  // ---------------------------------------------------------------- contacts (the table)

  const contactTable: (ContactFields & { n: number })[] = [
    {
      n: 1,
      name: t('陈思远', 'Chen Siyuan'),
      organization: t('独立顾问', 'Independent'),
      role: t('产品顾问', 'Product consultant'),
      whatTheyDo: t(
        '帮早期团队梳理产品定位，一年只接四五个项目。',
        'Helps early-stage teams sharpen their product positioning; takes on four or five projects a year.',
      ),
      challenges: t(
        '想把自己的咨询方法整理成一门课，但一直抽不出整块时间来写。',
        'Wants to turn his consulting method into a course but never finds a block of time to write it.',
      ),
      canOffer: t(
        '帮他找几家愿意试听的团队，做课程的第一批学员。',
        'Find him a few teams willing to be the first cohort of the course.',
      ),
      seed: t(
        '每年他生日都一起吃一顿火锅，已经坚持了十年。',
        'We have had a birthday hotpot together every year for ten years.',
      ),
      bestWayToReach: t('微信，随时', 'WeChat, any time'),
      tags: [t('大学同学', 'university friend'), t('产品', 'product')],
      ecosystem: 'interests',
      influence: 'medium',
      closeness: 'close',
      tier: 'life',
      phones: [{ label: mobile, value: '+86 139 0000 0101' }],
      links: [{ kind: 'wechat', value: 'siyuan_chen' }],
      firstMet: {
        date: metOn(5600),
        place: t('大学宿舍', 'University dorm'),
        how: t('大一时住同一个宿舍。', 'Roommates in our first year.'),
      },
      importantDates: [{ label: birthdayLabel, date: birthday(now, 1988, 6) }],
      family: t(
        '女儿五岁，在上幼儿园大班。',
        'His daughter is five and in her last year of kindergarten.',
      ),
      interests: [
        t('火锅', 'hotpot'),
        t('长跑', 'long-distance running'),
        t('科幻小说', 'science fiction'),
      ],
    },
    {
      n: 2,
      name: t('周婉清', 'Zhou Wanqing'),
      organization: t('云帆科技', 'Yunfan Technology'),
      role: t('产品副总裁', 'VP of Product'),
      whatTheyDo: t(
        '负责一家企业协作软件公司的全部产品线，团队八十人。',
        'Runs the whole product line of an enterprise collaboration software company, a team of eighty.',
      ),
      challenges: t(
        '公司要求今年每条产品线都加入 AI 功能，她担心团队为了赶进度做出没人用的功能。',
        'The company wants AI in every product line this year; she worries the team will ship features nobody uses just to hit the date.',
      ),
      canOffer: t(
        '分享我在客户访谈里看到的 AI 功能真实使用数据。',
        'Share the real usage numbers for AI features that I see in customer interviews.',
      ),
      seed: t(
        '每季度约一次午饭，交换各自在读的书。',
        'Lunch once a quarter to swap notes on what we are reading.',
      ),
      theirAdvice: t(
        '先找到一个愿意付钱的客户，再谈平台。',
        'Find one customer who will pay before you talk about a platform.',
      ),
      bestWayToReach: t('微信留言，她晚上九点后回复', 'WeChat message; she replies after 9 pm'),
      assistantName: t('小刘', 'Xiao Liu'),
      tags: [t('前领导', 'former manager'), t('导师', 'mentor')],
      ecosystem: 'work',
      influence: 'strong',
      closeness: 'close',
      tier: 'life',
      emails: [{ label: work, value: 'wanqing.zhou@example.com' }],
      links: [
        { kind: 'wechat', value: 'wanqing_zhou' },
        { kind: 'linkedin', value: 'https://www.linkedin.com/in/example-wanqing-zhou' },
      ],
      firstMet: {
        date: metOn(3300),
        place: t('云帆科技的面试', 'A job interview at Yunfan Technology'),
        how: t(
          '她是我第一份工作的面试官，后来成了我的领导。',
          'She interviewed me for my first job and then became my manager.',
        ),
      },
      importantDates: [{ label: birthdayLabel, date: birthday(now, 1980, 75) }],
      interests: [t('围棋', 'Go (the board game)'), t('园艺', 'gardening')],
    },
    {
      n: 3,
      name: t('林越', 'Lin Yue'),
      organization: t('自由职业', 'Freelance'),
      role: t('品牌设计师', 'Brand designer'),
      whatTheyDo: t(
        '为消费品牌做视觉识别和包装设计。',
        'Designs visual identities and packaging for consumer brands.',
      ),
      challenges: t(
        '客户总问能不能用 AI 出图，她在重新考虑自己的报价方式。',
        'Clients keep asking whether AI could make the images; she is rethinking how she prices her work.',
      ),
      canOffer: t(
        '介绍两位在做 AI 设计工具的产品经理和她聊聊。',
        'Introduce her to two product managers who build AI design tools.',
      ),
      seed: t('每周六早上一起去攀岩馆。', 'Climbing together every Saturday morning.'),
      bestWayToReach: t('微信语音', 'WeChat voice message'),
      tags: [t('攀岩', 'climbing'), t('设计', 'design')],
      ecosystem: 'interests',
      influence: 'medium',
      closeness: 'close',
      tier: 'life',
      links: [
        { kind: 'wechat', value: 'linyue_design' },
        { kind: 'web', value: 'https://example.com/linyue' },
      ],
      firstMet: {
        date: metOn(2100),
        place: t('攀岩馆', 'The climbing gym'),
        how: t('我爬第一条线路时是她帮我保护的。', 'She belayed me on my very first route.'),
      },
      importantDates: [{ label: birthdayLabel, date: birthday(now, 1992, 40) }],
      family: t('和梁博结婚三年，家里有两只猫。', 'Married to Liang Bo for three years; two cats.'),
      interests: [t('攀岩', 'climbing'), t('胶片摄影', 'film photography'), t('猫', 'cats')],
    },
    {
      n: 4,
      name: t('赵启明', 'Zhao Qiming'),
      organization: t('青木资本', 'Greenwood Capital'),
      role: t('合伙人', 'Partner'),
      whatTheyDo: t(
        '投资早期企业软件和 AI 应用，单笔五百万到两千万元。',
        'Invests in early-stage enterprise software and AI applications, cheques of 5 to 20 million yuan.',
      ),
      challenges: t(
        '看了太多简单套壳的 AI 项目，想找到真正有数据壁垒的团队。',
        'Has seen too many thin wrappers around AI models; looking for teams with a real data advantage.',
      ),
      canOffer: t(
        '每月给他推荐一两个我在客户那边看到的好团队。',
        'Point him to one or two strong teams a month from what I see at customers.',
      ),
      seed: t(
        '答应帮他看一份 AI 客服赛道研究报告的初稿。',
        'I promised to review the first draft of his research note on AI customer service.',
      ),
      bestWayToReach: t('先发邮件，再微信提醒', 'Email first, then a WeChat nudge'),
      assistantName: t('陈秘书', 'Ms Chen'),
      tags: [t('投资人', 'investor'), 'AI'],
      ecosystem: 'finance',
      influence: 'strong',
      closeness: 'medium',
      tier: 'close',
      emails: [{ label: work, value: 'qiming.zhao@example.com' }],
      links: [{ kind: 'linkedin', value: 'https://www.linkedin.com/in/example-qiming-zhao' }],
      firstMet: {
        date: metOn(900),
        place: t('一场创业者晚宴', "A founders' dinner"),
        how: t(
          '坐在同一桌，一直聊到半夜。',
          'Seated at the same table; we talked until past midnight.',
        ),
      },
      interests: [t('马拉松', 'marathons'), t('历史', 'history')],
    },
    {
      n: 5,
      name: t('孙蕾', 'Sun Lei'),
      organization: t('科技观察', 'Tech Observer'),
      role: t('资深记者', 'Senior reporter'),
      whatTheyDo: t(
        '报道企业服务和 AI 应用，每周写一篇深度稿。',
        'Covers enterprise software and applied AI; writes one long feature a week.',
      ),
      challenges: t(
        '编辑部要她做视频，她还在摸索怎么把深度内容讲得又短又清楚。',
        'Her editors want video; she is still working out how to tell an in-depth story in two minutes.',
      ),
      canOffer: t(
        '给她介绍愿意公开讲失败案例的产品负责人。',
        'Introduce her to product leads willing to talk on the record about what failed.',
      ),
      seed: t(
        '她在写 AI 功能怎么定价的稿子，我答应帮她找三位受访者。',
        'She is writing about how AI features get priced; I promised her three people to interview.',
      ),
      bestWayToReach: t('微信', 'WeChat'),
      tags: [t('媒体', 'media'), t('记者', 'journalist')],
      ecosystem: 'media',
      influence: 'medium',
      closeness: 'close',
      tier: 'close',
      emails: [{ label: work, value: 'lei.sun@example.com' }],
      links: [{ kind: 'wechat', value: 'sunlei_reports' }],
      firstMet: {
        date: metOn(1500),
        place: t('一场发布会的后台', 'Backstage at a product launch'),
        how: t(
          '我们在等同一位嘉宾，就聊了起来。',
          'We were both waiting for the same speaker and got talking.',
        ),
      },
      interests: [t('播客', 'podcasts'), t('手冲咖啡', 'pour-over coffee')],
    },
    {
      n: 6,
      name: t('何静怡', 'Maya Fischer'),
      organization: t('创业者周五', 'Founders Friday'),
      role: t('社区主理人', 'Community organiser'),
      whatTheyDo: t(
        '运营一个三千人的创业者社区，每周五在不同城市办小型分享会。',
        "Runs a 3,000-member founders' community with small Friday talks in different cities.",
      ),
      challenges: t(
        '社区越做越大，核心成员之间反而越来越不熟。',
        'As the community grows, its core members know each other less and less.',
      ),
      canOffer: t(
        '帮她设计一次按共同兴趣排座的晚餐，让核心成员重新熟起来。',
        'Help her plan a dinner seated by shared interests so the core members reconnect.',
      ),
      seed: t(
        '她想借用我们早餐会的群规模板。',
        'She wants to borrow the rules template from our breakfast club.',
      ),
      bestWayToReach: t('微信', 'WeChat'),
      tags: [t('社区', 'community'), t('活动', 'events')],
      ecosystem: 'community',
      influence: 'strong',
      closeness: 'close',
      tier: 'close',
      links: [
        { kind: 'wechat', value: t('jingyi_he', 'maya_fischer') },
        {
          kind: 'linkedin',
          value: t(
            'https://www.linkedin.com/in/example-jingyi-he',
            'https://www.linkedin.com/in/example-maya-fischer',
          ),
        },
      ],
      firstMet: {
        date: metOn(700),
        place: t('创业者周五分享会', 'A Founders Friday talk'),
        how: t('我去做分享，她是主持人。', 'I gave the talk; she hosted it.'),
      },
      interests: [t('桌游', 'board games'), t('徒步', 'hiking')],
    },
    {
      n: 7,
      name: t('郭海涛', 'Guo Haitao'),
      organization: t('滨江区科技创新服务中心', 'Binjiang District Innovation Service Centre'),
      role: t('产业服务科科长', 'Head of industry services'),
      whatTheyDo: t(
        '对接区里的科技企业，负责人才和办公场地政策的落地。',
        'Works with tech companies in the district on talent and office-space programmes.',
      ),
      challenges: t(
        '扶持政策不少，但企业往往不知道；他想找到更直接的渠道让创业团队听到。',
        'Plenty of support programmes exist but companies rarely hear of them; he wants a direct line to startup teams.',
      ),
      canOffer: t(
        '邀请他来早餐会讲十分钟政策，也顺便听听团队的真实问题。',
        "Invite him to the breakfast club for a ten-minute briefing, and to hear teams' real problems.",
      ),
      seed: t(
        '下个月有一批人才公寓开放申请，他请我把消息带给社群。',
        'A round of talent housing opens next month; he asked me to pass the news to the community.',
      ),
      bestWayToReach: t('办公室电话，工作日', 'Office phone, on weekdays'),
      tags: [t('政府', 'government'), t('政策', 'policy')],
      ecosystem: 'government',
      influence: 'medium',
      closeness: 'medium',
      tier: 'close',
      phones: [{ label: office, value: '+86 21 0000 0107' }],
      firstMet: {
        date: metOn(600),
        place: t('区里的企业座谈会', 'A district round table for companies'),
        how: t(
          '会后他来问我社群里有多少人。',
          'Afterwards he came over to ask how big our community was.',
        ),
      },
      interests: [t('书法', 'calligraphy'), t('足球', 'football')],
    },
    {
      n: 8,
      name: t('吴佳', 'Priya Raman'),
      organization: t('知行 AI', 'Zhixing AI'),
      role: t('产品负责人', 'Head of Product'),
      whatTheyDo: t(
        '带团队做面向律所的合同审阅 AI。',
        'Leads the team building contract-review AI for law firms.',
      ),
      challenges: t(
        '客户试用时很积极，但续费率不高，她在找原因。',
        'Trials go well but renewals are weak, and she is trying to find out why.',
      ),
      canOffer: t(
        '分享我们做续费访谈用的问题清单。',
        'Share the question list we use for renewal interviews.',
      ),
      seed: t(
        '约好下次一起复盘一轮客户访谈。',
        'We agreed to review a round of customer interviews together.',
      ),
      bestWayToReach: t('微信或邮件', 'WeChat or email'),
      tags: ['AI', t('法律科技', 'legal tech'), t('产品', 'product')],
      ecosystem: 'work',
      influence: 'medium',
      closeness: 'close',
      tier: 'close',
      emails: [{ label: work, value: t('wu.jia@example.com', 'priya.raman@example.com') }],
      links: [
        {
          kind: 'linkedin',
          value: t(
            'https://www.linkedin.com/in/example-wu-jia',
            'https://www.linkedin.com/in/example-priya-raman',
          ),
        },
      ],
      firstMet: {
        date: metOn(1000),
        place: t('云帆科技', 'Yunfan Technology'),
        how: t('以前在云帆科技是同事。', 'We were colleagues at Yunfan Technology.'),
      },
      importantDates: [{ label: birthdayLabel, date: birthday(now, 1988, 130) }],
      interests: [t('瑜伽', 'yoga'), t('烘焙', 'baking')],
    },
    {
      n: 9,
      name: t('许晨', 'Daniel Okafor'),
      organization: t('知行 AI', 'Zhixing AI'),
      role: t('工程经理', 'Engineering manager'),
      whatTheyDo: t('负责模型评测和上线流程。', 'Owns model evaluation and the release process.'),
      challenges: t(
        '每换一次模型都要把评测从头跑一遍，太慢了。',
        'Every model change means re-running the whole evaluation suite, and it is too slow.',
      ),
      canOffer: t(
        '介绍一位做评测工具的创业者给他。',
        'Introduce him to a founder who builds evaluation tooling.',
      ),
      seed: t(
        '我们一起报名了下个月的城市半程马拉松。',
        "We both signed up for next month's city half marathon.",
      ),
      bestWayToReach: t('微信', 'WeChat'),
      tags: [t('工程', 'engineering'), 'AI'],
      ecosystem: 'work',
      influence: 'medium',
      closeness: 'medium',
      tier: 'close',
      links: [{ kind: 'wechat', value: t('xuchen_dev', 'daniel_okafor') }],
      introducedById: C(8),
      firstMet: {
        date: metOn(800),
        place: t('知行 AI 办公室', 'The Zhixing AI office'),
        how: t('吴佳介绍我们认识。', 'Priya introduced us.'),
      },
      interests: [t('跑步', 'running'), t('开源', 'open source')],
    },
    {
      n: 10,
      name: t('马骁', 'Ma Xiao'),
      organization: t('小满软件', 'Xiaoman Software'),
      role: t('创始人', 'Founder'),
      whatTheyDo: t(
        '做给小餐馆用的排班和库存软件，有三百家付费客户。',
        'Builds scheduling and stock software for small restaurants; 300 paying customers.',
      ),
      challenges: t(
        '想加一个 AI 订货建议，但不确定客户愿不愿意为此多付钱。',
        'Wants to add AI ordering suggestions but is unsure customers will pay more for them.',
      ),
      canOffer: t(
        '把他介绍给孙蕾，讲讲小餐馆数字化的故事。',
        'Introduce him to Sun Lei for a story on small restaurants going digital.',
      ),
      seed: t(
        '他请我去他常去的面馆试新菜单。',
        'He invited me to try the new menu at his favourite noodle shop.',
      ),
      bestWayToReach: t('微信', 'WeChat'),
      tags: [t('创始人', 'founder'), 'SaaS'],
      ecosystem: 'work',
      influence: 'weak',
      closeness: 'medium',
      tier: 'good',
      introducedById: C(2),
      firstMet: {
        date: metOn(400),
        place: t('周婉清组的饭局', 'A dinner Zhou Wanqing hosted'),
        how: t('她说我们一定聊得来，果然如此。', 'She said we would get on, and we did.'),
      },
      interests: [t('美食', 'food'), t('骑行', 'cycling')],
    },
    {
      n: 11,
      name: t('邓雨桐', 'Sofia Marquez'),
      organization: t('播客《产品夜话》', 'Product After Hours (podcast)'),
      role: t('主播', 'Host'),
      whatTheyDo: t(
        '每两周采访一位产品人，听众大多是刚入行的产品经理。',
        'Interviews a product person every two weeks; most listeners are early-career PMs.',
      ),
      challenges: t(
        '嘉宾总是来自同一个小圈子，来源越来越窄。',
        'Her guests keep coming from the same small circle.',
      ),
      canOffer: t(
        '给她推荐几位做企业产品的女性负责人。',
        'Recommend a few women who lead business software products.',
      ),
      seed: t(
        '我答应上她的节目，聊聊 24 小时内跟进这件事。',
        'I agreed to record an episode about following up within 24 hours.',
      ),
      bestWayToReach: t('邮件', 'Email'),
      tags: [t('播客', 'podcast'), t('媒体', 'media')],
      ecosystem: 'media',
      influence: 'medium',
      closeness: 'medium',
      tier: 'good',
      emails: [{ label: work, value: t('dengyutong@example.com', 'sofia.marquez@example.com') }],
      links: [{ kind: 'web', value: 'https://example.com/product-after-hours' }],
      firstMet: {
        date: metOn(350),
        place: t('线上', 'Online'),
        how: t(
          '她听了我的一次分享，发来了采访邀请。',
          'She heard one of my talks and invited me on the show.',
        ),
      },
      importantDates: [{ label: birthdayLabel, date: birthday(now, 1996, 25) }],
      interests: [t('播客', 'podcasts'), t('老电影', 'old films')],
    },
    {
      n: 12,
      name: t('韩磊', 'Han Lei'),
      organization: t('极客会展', 'GeekEvents'),
      role: t('大会总监', 'Conference director'),
      whatTheyDo: t(
        '负责中国 AI 产品创新大会的议程和嘉宾邀请。',
        'Runs the programme and speaker invitations for the China AI Product Summit.',
      ),
      challenges: t(
        '今年的议程里，真正在一线做产品的讲者太少。',
        'This year the programme has too few speakers who build products day to day.',
      ),
      canOffer: t(
        '推荐两三位有真实案例的产品负责人做分论坛嘉宾。',
        'Recommend two or three product leads with real case studies for the breakout sessions.',
      ),
      seed: t(
        '大会结束后一起复盘嘉宾反馈。',
        'Go through the speaker feedback together after the summit.',
      ),
      bestWayToReach: t('微信，白天', 'WeChat, in the daytime'),
      tags: [t('会议', 'conferences'), t('主办方', 'organiser')],
      ecosystem: 'community',
      influence: 'strong',
      closeness: 'distant',
      tier: 'good',
      links: [{ kind: 'wechat', value: 'hanlei_events' }],
      introducedById: C(6),
      firstMet: {
        date: metOn(500),
        place: t('何静怡办的一场活动', "One of Maya's events"),
        how: t('何静怡介绍我们认识。', 'Maya introduced us.'),
      },
      interests: [t('篮球', 'basketball')],
    },
    {
      n: 13,
      name: t('宋可欣', 'Emma Laurent'),
      organization: t('个人', 'Independent'),
      role: t('天使投资人', 'Angel investor'),
      whatTheyDo: t(
        '投资女性创始人的早期项目，也给创业者做导师。',
        'Backs early-stage companies led by women and mentors founders.',
      ),
      challenges: t(
        '想认识更多大城市以外的创始人，但渠道有限。',
        'Wants to meet founders outside the biggest cities but has few channels there.',
      ),
      canOffer: t(
        '把杭州论坛上认识的两位创始人介绍给她。',
        'Introduce her to two founders from the Hangzhou forum.',
      ),
      seed: t(
        '她想听听我们社群是怎么筛选成员的。',
        'She wants to hear how our community chooses its members.',
      ),
      bestWayToReach: t('邮件', 'Email'),
      tags: [t('天使投资', 'angel investing')],
      ecosystem: 'finance',
      influence: 'medium',
      closeness: 'medium',
      tier: 'good',
      emails: [{ label: '', value: t('songkexin@example.com', 'emma.laurent@example.com') }],
      introducedById: C(4),
      firstMet: {
        date: metOn(300),
        place: t('青木资本年会', "Greenwood Capital's annual meeting"),
        how: t('赵启明介绍的。', 'Zhao Qiming introduced us.'),
      },
      interests: [t('网球', 'tennis'), t('葡萄酒', 'wine')],
    },
    {
      n: 14,
      name: t('梁博', 'Liang Bo'),
      organization: t('申江大学', 'Shenjiang University'),
      role: t('人机交互讲师', 'Lecturer in human-computer interaction'),
      whatTheyDo: t(
        '研究人们在什么情况下会信任 AI 给出的建议。',
        'Studies when people decide to trust advice that comes from AI.',
      ),
      challenges: t(
        '需要有企业愿意配合做实地研究。',
        'Needs companies willing to host field studies.',
      ),
      canOffer: t(
        '帮他联系一两家愿意合作研究的产品团队。',
        'Connect him with one or two product teams open to a research partnership.',
      ),
      seed: t(
        '他会来早餐会分享最新的研究发现。',
        'He will present his latest findings at the breakfast club.',
      ),
      bestWayToReach: t('邮件', 'Email'),
      tags: [t('学术', 'academia'), t('交互', 'HCI')],
      ecosystem: 'interests',
      influence: 'medium',
      closeness: 'medium',
      tier: 'good',
      emails: [{ label: work, value: 'liangbo@example.org' }],
      firstMet: {
        date: metOn(2000),
        place: t('林越的生日会', "Lin Yue's birthday party"),
        how: t('那时他们刚开始约会。', 'They had just started dating.'),
      },
      family: t('林越的丈夫。', "Lin Yue's husband."),
      interests: [t('攀岩', 'climbing'), t('做饭', 'cooking')],
    },
    {
      n: 15,
      name: t('田甜', 'Tian Tian'),
      organization: t('汇川电商', 'Huichuan Commerce'),
      role: t('招聘负责人', 'Head of recruiting'),
      whatTheyDo: t('负责产品和技术岗位的招聘。', 'Hires for product and engineering roles.'),
      challenges: t(
        '懂 AI 的资深产品经理非常难招。',
        'Senior product managers who understand AI are very hard to find.',
      ),
      canOffer: t(
        '推荐早餐会里正在看机会的产品经理。',
        'Recommend breakfast-club members who are open to a new role.',
      ),
      seed: t(
        '她儿子明年高考，我答应帮她打听计算机专业的情况。',
        'Her son applies to university next year; I promised to ask around about computer science programmes.',
      ),
      bestWayToReach: t('微信', 'WeChat'),
      tags: [t('招聘', 'recruiting'), 'HR'],
      ecosystem: 'work',
      influence: 'medium',
      closeness: 'medium',
      tier: 'good',
      phones: [{ label: mobile, value: '+86 139 0000 0115' }],
      firstMet: {
        date: metOn(450),
        place: t('一场招聘沙龙', 'A hiring meetup'),
        how: t('她来问我身边有没有合适的人选。', 'She asked whether I knew any good candidates.'),
      },
      family: t(
        '儿子读高二，想学计算机。',
        'Her son is in his second-last year of high school and wants to study computing.',
      ),
      interests: [t('旅行', 'travel')],
    },
    {
      n: 16,
      name: t('唐卓', 'Tom Becker'),
      organization: t('碳迹科技', 'Carbontrace'),
      role: t('联合创始人', 'Co-founder'),
      whatTheyDo: t(
        '做工厂能耗监测的硬件和软件。',
        'Builds hardware and software that monitor energy use in factories.',
      ),
      challenges: t(
        '硬件交付周期长，现金流很紧。',
        'Hardware lead times are long and cash is tight.',
      ),
      canOffer: t(
        '介绍赵启明和他聊聊融资。',
        'Introduce him to Zhao Qiming to talk about funding.',
      ),
      seed: t(
        '他邀请我去参观他们在嘉兴的试点工厂。',
        'He invited me to visit their pilot factory in Jiaxing.',
      ),
      bestWayToReach: t('电话', 'Phone'),
      tags: [t('气候科技', 'climate tech'), t('创始人', 'founder')],
      ecosystem: 'work',
      influence: 'medium',
      closeness: 'medium',
      tier: 'good',
      phones: [{ label: mobile, value: '+86 139 0000 0116' }],
      firstMet: {
        date: metOn(250),
        place: t('一期创业营', 'A startup bootcamp'),
        how: t('分在同一个小组做项目。', 'We were in the same project group.'),
      },
      interests: [t('帆船', 'sailing')],
    },
    {
      n: 17,
      name: t('冯雪', 'Feng Xue'),
      organization: t('浦江银行', 'Pujiang Bank'),
      role: t('科技金融客户经理', 'Relationship manager, tech lending'),
      whatTheyDo: t(
        '为科技型小企业提供贷款和账户服务。',
        'Provides loans and banking to small technology companies.',
      ),
      challenges: t(
        '银行不太敢给轻资产的软件公司放贷，她在找能说明风险的数据。',
        'The bank is wary of lending to asset-light software firms; she is looking for data that explains the risk.',
      ),
      canOffer: t('把需要过桥贷款的创始人介绍给她。', 'Introduce founders who need a bridge loan.'),
      seed: t('约好下个月一起去听一场音乐会。', 'We plan to go to a concert together next month.'),
      bestWayToReach: t('微信', 'WeChat'),
      tags: [t('银行', 'banking')],
      ecosystem: 'finance',
      influence: 'medium',
      closeness: 'distant',
      tier: 'good',
      firstMet: {
        date: metOn(380),
        place: t('银行的创业者沙龙', "The bank's founders' salon"),
        how: t('我是那天的嘉宾之一。', 'I was one of the speakers that day.'),
      },
      interests: [t('古典音乐', 'classical music')],
    },
    {
      n: 18,
      name: t('罗一鸣', 'Luo Yiming'),
      organization: t('浦江新区管委会', 'Pujiang New Area Administration'),
      role: t('招商项目经理', 'Project manager, investment promotion'),
      whatTheyDo: t(
        '为新区引进人工智能企业，并负责扶持政策的落地。',
        'Brings AI companies to the new area and administers its support package.',
      ),
      challenges: t('今年的招商指标很紧。', 'His targets for new companies this year are tight.'),
      canOffer: t(
        '把正在选办公地点的创业团队介绍给他。',
        'Introduce startup teams that are choosing where to set up.',
      ),
      seed: t(
        '他答应发我一份新区 AI 企业名单。',
        'He promised to send me a list of AI companies in the area.',
      ),
      bestWayToReach: t('办公室电话', 'Office phone'),
      tags: [t('政府', 'government'), t('招商', 'investment promotion')],
      ecosystem: 'government',
      influence: 'medium',
      closeness: 'distant',
      tier: 'outside',
      phones: [{ label: office, value: '+86 21 0000 0118' }],
      firstMet: {
        date: metOn(200),
        place: t('郭海涛组织的座谈会', 'A round table Guo Haitao organised'),
        how: t('会后交换了名片。', 'We swapped cards afterwards.'),
      },
      interests: [t('钓鱼', 'fishing')],
    },
    // Met at the past forum.
    {
      n: 19,
      name: t('蒋文博', 'Jiang Wenbo'),
      organization: t('绿算科技', 'Greencount'),
      role: t('创始人兼 CEO', 'Founder and CEO'),
      whatTheyDo: t(
        '给出口型小工厂做碳核算软件。',
        'Builds carbon-accounting software for small export factories.',
      ),
      challenges: t(
        '客户要应对欧洲的碳边境税，却看不懂核算报告。',
        'His customers face the EU carbon border tax but cannot read the accounting reports.',
      ),
      canOffer: t(
        '分享我们让报告更易读的改版经验，再介绍一位设计师。',
        'Share how we made our reports readable, and introduce a designer.',
      ),
      seed: t(
        '下个月一起去苏州的客户工厂做用户访谈。',
        'Join him for user interviews at a client factory in Suzhou next month.',
      ),
      bestWayToReach: t('微信，语音也可以', 'WeChat; voice messages are fine'),
      tags: [t('气候科技', 'climate tech'), t('创始人', 'founder')],
      ecosystem: 'work',
      influence: 'medium',
      closeness: 'medium',
      tier: 'outside',
      links: [{ kind: 'wechat', value: 'wenbo_greencount' }],
      firstMet: pastMet(
        t('茶歇时聊起报告设计。', 'We talked about report design at the coffee break.'),
      ),
      interests: [t('茶', 'tea')],
    },
    {
      n: 20,
      name: t('曹琳', 'Hannah Kim'),
      organization: t('远山资本', 'Farhill Ventures'),
      role: t('ESG 分析师', 'ESG analyst'),
      whatTheyDo: t(
        '评估被投企业的碳排放和治理风险。',
        'Assesses carbon and governance risk across the portfolio.',
      ),
      challenges: t(
        '被投公司交上来的数据格式五花八门，整理起来很费时间。',
        'Portfolio companies send data in every format imaginable; cleaning it up eats her week.',
      ),
      canOffer: t(
        '介绍蒋文博的团队，看能否帮她统一数据格式。',
        "Introduce Jiang Wenbo's team, who might standardise the data.",
      ),
      seed: t(
        '她想要一份我们整理的 ESG 数据模板。',
        'She would like the ESG data template we put together.',
      ),
      bestWayToReach: t('邮件', 'Email'),
      tags: ['ESG', t('投资', 'investing')],
      ecosystem: 'finance',
      influence: 'medium',
      closeness: 'distant',
      tier: 'outside',
      emails: [{ label: work, value: t('caolin@example.com', 'hannah.kim@example.com') }],
      firstMet: pastMet(
        t(
          '她在圆桌讨论后提问，我们接着聊了下去。',
          'She asked a question after the panel and we kept talking.',
        ),
      ),
    },
    {
      n: 21,
      name: t('彭宇航', 'Peng Yuhang'),
      organization: t('恒储能源', 'Hengchu Energy'),
      role: t('产品经理', 'Product manager'),
      whatTheyDo: t(
        '负责工商业储能的运维平台。',
        'Owns the operations platform for commercial energy storage.',
      ),
      challenges: t(
        '想从能源行业转做 AI 产品，不知道从哪里开始。',
        'Wants to move from energy into AI products and does not know where to start.',
      ),
      canOffer: t(
        '邀请他来早餐会，认识几位做 AI 产品的同行。',
        'Invite him to the breakfast club to meet people who build AI products.',
      ),
      seed: t(
        '他加入了早餐会，下次晚餐会来。',
        'He joined the breakfast club and is coming to the next dinner.',
      ),
      bestWayToReach: t('微信', 'WeChat'),
      tags: [t('能源', 'energy'), t('产品', 'product')],
      ecosystem: 'work',
      influence: 'weak',
      closeness: 'medium',
      tier: 'outside',
      firstMet: pastMet(t('排队签到时站在我后面。', 'He was behind me in the registration queue.')),
      interests: [t('羽毛球', 'badminton')],
    },
    {
      n: 22,
      name: t('苏晴', 'Aisha Rahman'),
      organization: t('碳视界', 'Carbon Lens'),
      role: t('气候记者', 'Climate reporter'),
      whatTheyDo: t(
        '写气候科技公司的深度报道。',
        'Writes in-depth stories on climate tech companies.',
      ),
      challenges: t(
        '她要去报道上海的 AI 大会，但对 AI 产品圈还不熟。',
        'She is covering the Shanghai AI summit but does not know the AI product crowd yet.',
      ),
      canOffer: t(
        '大会上给她介绍两三个用 AI 节能的团队。',
        'At the summit, introduce her to two or three teams using AI to save energy.',
      ),
      seed: t('大会第一天一起吃午饭。', "Lunch together on the summit's first day."),
      bestWayToReach: t('微信', 'WeChat'),
      tags: [t('记者', 'journalist'), t('气候科技', 'climate tech')],
      ecosystem: 'media',
      influence: 'medium',
      closeness: 'medium',
      tier: 'outside',
      links: [{ kind: 'wechat', value: t('suqing_carbon', 'aisha_carbonlens') }],
      firstMet: pastMet(
        t(
          '她在采访蒋文博，我在旁边补充了几句。',
          'She was interviewing Jiang Wenbo and I chipped in.',
        ),
      ),
    },
    {
      n: 23,
      name: t('叶子豪', 'Ye Zihao'),
      organization: t('之江低碳发展研究中心', 'Zhijiang Low-Carbon Development Centre'),
      role: t('研究员', 'Researcher'),
      whatTheyDo: t(
        '为地方政府写帮助小企业减排的政策建议。',
        'Writes policy advice for local governments on helping small firms cut emissions.',
      ),
      challenges: t('缺少企业的一手访谈资料。', 'He lacks first-hand interviews with companies.'),
      canOffer: t(
        '把我们的小企业访谈笔记（去掉敏感信息后）发给他。',
        'Send him our small-business interview notes, anonymised.',
      ),
      seed: t('答应把访谈笔记发给他。', 'I promised to send him the interview notes.'),
      bestWayToReach: t('邮件', 'Email'),
      tags: [t('政策', 'policy'), t('研究', 'research')],
      ecosystem: 'government',
      influence: 'medium',
      closeness: 'distant',
      tier: 'outside',
      emails: [{ label: work, value: 'zihao.ye@example.org' }],
      firstMet: pastMet(t('蒋文博介绍我们认识。', 'Jiang Wenbo introduced us.')),
      introducedById: C(19),
    },
    {
      n: 24,
      name: t('杜若', 'Lucas Moreau'),
      organization: t('杭州气候行动者', 'Hangzhou Climate Action Network'),
      role: t('志愿者召集人', 'Volunteer coordinator'),
      whatTheyDo: t(
        '组织每月一次的气候主题读书会和社区清洁活动。',
        'Organises a monthly climate reading group and neighbourhood clean-up days.',
      ),
      // Left incomplete on purpose: the completeness meter has something to show.
      canOffer: t(
        '帮他在上海找一个读书会场地。',
        'Help him find a venue for a reading group in Shanghai.',
      ),
      seed: t(
        '他邀请我在下次读书会上讲讲产品怎么帮普通人减碳。',
        'He invited me to speak at the next reading group about products that help people cut emissions.',
      ),
      tags: [t('社区', 'community'), t('气候', 'climate')],
      ecosystem: 'community',
      influence: 'weak',
      closeness: 'distant',
      tier: 'outside',
      introducedById: C(16),
      firstMet: pastMet(t('唐卓在论坛上介绍我们认识。', 'Tom Becker introduced us at the forum.')),
    },
    {
      n: 25,
      name: t('范思琪', 'Fan Siqi'),
      organization: t('智居科技', 'Smart Nest'),
      role: t('交互设计师', 'Interaction designer'),
      whatTheyDo: t(
        '设计智能家居应用里的节能提醒。',
        'Designs the energy-saving prompts in a smart-home app.',
      ),
      challenges: t('用户没几天就把提醒关掉了。', 'Users switch the prompts off within days.'),
      canOffer: t(
        '介绍梁博给她，他研究人们怎么对待 AI 的建议。',
        'Introduce her to Liang Bo, who studies how people respond to advice from AI.',
      ),
      // No seed yet: an incomplete card on purpose.
      bestWayToReach: t('微信', 'WeChat'),
      tags: [t('设计', 'design'), t('智能家居', 'smart home')],
      ecosystem: 'work',
      influence: 'weak',
      closeness: 'distant',
      tier: 'outside',
      firstMet: pastMet(t('工作坊里坐在同一桌。', 'We shared a table at the workshop.')),
    },
    {
      n: 26,
      name: t('沈浩', 'Marco Rossi'),
      organization: t('远山资本', 'Farhill Ventures'),
      role: t('投资经理', 'Investment associate'),
      whatTheyDo: t(
        '看气候科技和工业软件方向的早期项目。',
        'Looks at early-stage climate tech and industrial software.',
      ),
      challenges: t(
        '入行刚一年，想建立自己的项目来源。',
        'A year into the job, he is building his own deal flow.',
      ),
      canOffer: t('把唐卓的碳迹科技介绍给他。', "Introduce him to Tom Becker's Carbontrace."),
      seed: t(
        '他答应给我看他们内部的气候科技图谱。',
        'He will show me their internal climate tech market map.',
      ),
      bestWayToReach: t('微信', 'WeChat'),
      tags: [t('投资', 'investing'), t('气候科技', 'climate tech')],
      ecosystem: 'finance',
      influence: 'weak',
      closeness: 'distant',
      tier: 'outside',
      firstMet: pastMet(
        t(
          '他是曹琳的同事，她拉我过去打招呼。',
          'He works with Hannah Kim, who brought me over to say hello.',
        ),
      ),
    },
    // Summit speakers I have not met yet: researched, not yet complete.
    {
      n: 27,
      name: t('贺明轩', 'He Mingxuan'),
      organization: t('百优商城', 'Baiyou Commerce'),
      role: t('AI 负责人', 'Head of AI'),
      whatTheyDo: t(
        '带团队把大模型用在商品描述和客服上；大会主论坛嘉宾。',
        'Leads the team applying language models to product listings and customer service; keynote speaker at the summit.',
      ),
      challenges: t(
        '他在一次采访里提到，AI 客服的投诉率一直降不下来。',
        'Said in an interview that complaints about their AI customer service will not come down.',
      ),
      canOffer: t(
        '分享我们评测客服对话的方法。',
        'Share how we evaluate customer-service conversations.',
      ),
      bestWayToReach: t('请韩磊引荐', 'An introduction through Han Lei'),
      tags: [t('大会嘉宾', 'speaker'), 'AI'],
      ecosystem: 'work',
      influence: 'strong',
      closeness: 'distant',
      tier: 'outside',
      links: [{ kind: 'linkedin', value: 'https://www.linkedin.com/in/example-he-mingxuan' }],
    },
    {
      n: 28,
      name: t('白露', 'Bai Lu'),
      organization: t('萤火教育', 'Firefly Learning'),
      role: t('创始人', 'Founder'),
      whatTheyDo: t(
        '做给中学老师用的 AI 备课助手；分论坛嘉宾。',
        'Builds an AI lesson-planning assistant for secondary school teachers; breakout speaker.',
      ),
      challenges: t(
        '学校采购流程太长，她在考虑先做面向老师个人的付费版。',
        'School procurement is slow; she is weighing a paid version for individual teachers first.',
      ),
      canOffer: t(
        '介绍两位做过个人付费产品的朋友给她。',
        'Introduce her to two friends who have built paid products for individuals.',
      ),
      seed: t(
        '她在找愿意试用的老师，我可以在早餐会里问问。',
        'She needs teachers to pilot the product; I can ask around the breakfast club.',
      ),
      bestWayToReach: t('领英私信', 'LinkedIn message'),
      tags: [t('大会嘉宾', 'speaker'), t('教育', 'education')],
      ecosystem: 'work',
      influence: 'medium',
      closeness: 'distant',
      tier: 'outside',
      links: [{ kind: 'linkedin', value: 'https://www.linkedin.com/in/example-bai-lu' }],
    },
    {
      n: 29,
      name: t('顾长风', 'Kenji Watanabe'),
      organization: t('深蓝实验室', 'Deepblue Lab'),
      role: t('首席科学家', 'Chief scientist'),
      whatTheyDo: t(
        '研究多模态模型在工业质检中的应用；分论坛嘉宾。',
        'Works on multimodal models for industrial quality inspection; breakout speaker.',
      ),
      canOffer: t(
        '还不清楚，先读他最近的两篇文章。',
        'Not clear yet; read his two latest articles first.',
      ),
      tags: [t('大会嘉宾', 'speaker'), t('研究', 'research')],
      ecosystem: 'work',
      influence: 'strong',
      closeness: 'distant',
      tier: 'outside',
    },
    {
      n: 30,
      name: t('钱芳', 'Olivia Grant'),
      organization: t('未来商业评论', 'Future Business Review'),
      role: t('主编', 'Editor-in-chief'),
      whatTheyDo: t('主持大会的圆桌讨论。', "Moderates the summit's closing panel."),
      tags: [t('媒体', 'media'), t('主持人', 'moderator')],
      ecosystem: 'media',
      influence: 'strong',
      closeness: 'distant',
      tier: 'outside',
    },
  ]

  // ---------------------------------------------------------------- the past event's encounters

  interface EncounterPlan {
    contact: number
    minutesAfterStart: number
    /** How the 24-hour follow-up went: hours after the conversation it was done, or open. */
    doneAfterHours?: number
    careKind: CareKind
    followUpTitle: string
    fields: Omit<
      z.input<typeof encounterSchema>,
      'id' | 'createdAt' | 'updatedAt' | 'demo' | 'contactId' | 'eventId' | 'at'
    >
  }

  const professorLu = t('陆教授', 'Professor Lu')
  const name = (n: number): string => contactTable[n - 1]?.name ?? ''
  const mention = (n: number) => ({ name: name(n), contactId: C(n) })

  const encounterPlans: EncounterPlan[] = [
    {
      contact: 19,
      minutesAfterStart: 40,
      doneAfterHours: 5,
      careKind: 'share',
      followUpTitle: t(
        '跟进蒋文博：感谢交流，发去报告改版案例',
        'Follow up with Jiang Wenbo: thank him, send our report redesign case',
      ),
      fields: {
        howCanIHelp: t(
          '他想让工厂老板一眼看懂碳核算报告，我可以分享我们改版报告的做法。',
          'He wants factory owners to understand a carbon report at a glance; I can share how we redesigned ours.',
        ),
        theirAdvice: t(
          '做企业软件先盯住一个行业，别什么客户都接。',
          'In business software, pick one industry and do not take every customer who calls.',
        ),
        whomShouldTheyMeet: t(
          '林越，她擅长把复杂的信息设计得简单。',
          'Lin Yue, who is good at making dense information simple.',
        ),
        whomShouldIMeet: t(
          '叶子豪，研究小企业减排政策；还有陆教授。',
          'Ye Zihao, who researches emission policy for small firms; and Professor Lu.',
        ),
        seed: t(
          '下个月一起去苏州的客户工厂做访谈。',
          'Visit a client factory in Suzhou together next month.',
        ),
        bestWayToReach: t('微信', 'WeChat'),
        cardReceived: true,
        deep: true,
        mentions: [mention(23), { name: professorLu }, mention(3)],
      },
    },
    {
      contact: 20,
      minutesAfterStart: 75,
      careKind: 'share',
      followUpTitle: t('给曹琳发 ESG 数据模板', 'Send Hannah Kim the ESG data template'),
      fields: {
        howCanIHelp: t(
          '她需要把被投公司的 ESG 数据统一成一种格式。',
          "She needs one format for her portfolio companies' ESG data.",
        ),
        theirAdvice: t(
          '见投资人之前，先想清楚你的数据能证明什么。',
          'Before you meet investors, know exactly what your data can prove.',
        ),
        whomShouldTheyMeet: t('蒋文博的团队。', "Jiang Wenbo's team."),
        whomShouldIMeet: t(
          '陆教授，他在牵头做碳数据标准。',
          'Professor Lu, who leads work on a carbon data standard.',
        ),
        seed: t('发她一份 ESG 数据模板。', 'Send her an ESG data template.'),
        bestWayToReach: t('邮件', 'Email'),
        cardReceived: true,
        mentions: [mention(19), { name: professorLu }],
      },
    },
    {
      contact: 21,
      minutesAfterStart: 110,
      doneAfterHours: 3,
      careKind: 'recommend',
      followUpTitle: t('邀请彭宇航加入早餐会', 'Invite Peng Yuhang to the breakfast club'),
      fields: {
        howCanIHelp: t(
          '他想转做 AI 产品，需要认识这个圈子里的人。',
          'He wants to move into AI products and needs to meet people who already build them.',
        ),
        theirAdvice: t(
          '储能客户最在乎的是别出事，AI 功能要先证明它是安全的。',
          'Energy-storage customers care most that nothing breaks; an AI feature has to prove it is safe first.',
        ),
        whomShouldTheyMeet: t(
          '吴佳，她也是从传统行业转到 AI 的。',
          'Priya Raman, who also moved into AI from a traditional industry.',
        ),
        whomShouldIMeet: t(
          '叶子豪，他手上有很多工厂数据。',
          'Ye Zihao, who has a lot of factory data.',
        ),
        seed: t('邀请他来早餐会。', 'Invite him to the breakfast club.'),
        bestWayToReach: t('微信', 'WeChat'),
        mentions: [mention(8), mention(23)],
      },
    },
    {
      contact: 22,
      minutesAfterStart: 140,
      doneAfterHours: 20,
      careKind: 'appreciate',
      followUpTitle: t(
        '跟进苏晴：谢谢她的采访建议，约大会午饭',
        'Follow up with Aisha Rahman: thank her for the interview tip, fix the summit lunch',
      ),
      fields: {
        howCanIHelp: t(
          '她要报道即将举行的上海 AI 大会，想找用 AI 节能的团队。',
          'She is covering the upcoming Shanghai AI summit and wants teams that use AI to save energy.',
        ),
        theirAdvice: t(
          '接受采访前准备一个具体的数字，记者会记住它。',
          'Bring one concrete number to an interview; that is what a reporter remembers.',
        ),
        whomShouldTheyMeet: t('唐卓和他的碳迹科技。', 'Tom Becker of Carbontrace.'),
        whomShouldIMeet: t(
          '贺明轩，大会主论坛的嘉宾。',
          'He Mingxuan, a keynote speaker at the summit.',
        ),
        seed: t('大会第一天一起吃午饭。', "Lunch together on the summit's first day."),
        bestWayToReach: t('微信', 'WeChat'),
        cardReceived: true,
        deep: true,
        mentions: [mention(16), mention(27)],
      },
    },
    {
      contact: 23,
      minutesAfterStart: 165,
      doneAfterHours: 40,
      careKind: 'support',
      followUpTitle: t(
        '跟进叶子豪：感谢交流，约下次通话',
        'Follow up with Ye Zihao: thank him and propose a call',
      ),
      fields: {
        howCanIHelp: t(
          '他缺少企业的一手访谈资料。',
          'He lacks first-hand interviews with companies.',
        ),
        theirAdvice: t(
          '申请政府项目时，把社会价值写在第一页。',
          'In a government grant application, put the public benefit on page one.',
        ),
        whomShouldTheyMeet: t(
          '郭海涛，他在区里负责产业服务。',
          'Guo Haitao, who runs industry services in his district.',
        ),
        whomShouldIMeet: t(
          '陆教授，碳数据标准的起草人之一。',
          'Professor Lu, one of the authors of the carbon data standard.',
        ),
        seed: t('把访谈笔记发给他。', 'Send him the interview notes.'),
        bestWayToReach: t('邮件', 'Email'),
        deep: true,
        mentions: [mention(7), { name: professorLu }],
      },
    },
    {
      contact: 24,
      minutesAfterStart: 190,
      careKind: 'support',
      followUpTitle: t(
        '帮杜若问问上海的读书会场地',
        'Ask around for a Shanghai reading-group venue for Lucas',
      ),
      fields: {
        howCanIHelp: t(
          '想在上海给读书会找一个场地。',
          'He wants a venue for a reading group in Shanghai.',
        ),
        theirAdvice: t(
          '社群活动一定要有固定节奏，哪怕人少也照常办。',
          'Keep community events on a fixed rhythm, even when only a few people come.',
        ),
        whomShouldTheyMeet: t(
          '何静怡，她办活动很有经验。',
          'Maya Fischer, who has run hundreds of events.',
        ),
        whomShouldIMeet: t(
          '《周末气候》播客的阿青。',
          'Ah Qing, who hosts the Weekend Climate podcast.',
        ),
        seed: t('下次读书会去做一次分享。', 'Speak at the next reading group.'),
        mentions: [mention(6), { name: t('阿青', 'Ah Qing') }],
      },
    },
    {
      contact: 25,
      minutesAfterStart: 215,
      doneAfterHours: 30,
      careKind: 'recommend',
      followUpTitle: t('把梁博介绍给范思琪', 'Introduce Fan Siqi to Liang Bo'),
      fields: {
        howCanIHelp: t(
          '用户很快就关掉节能提醒，她想知道怎样设计才不招人烦。',
          'Users switch off her energy prompts; she wants them to stop being annoying.',
        ),
        theirAdvice: t(
          '做 AI 功能之前，先做好“撤销”按钮。',
          'Build the undo button before you build the AI feature.',
        ),
        whomShouldTheyMeet: t('梁博。', 'Liang Bo.'),
        whomShouldIMeet: t('陆教授；还有贺明轩。', 'Professor Lu; and He Mingxuan.'),
        mentions: [mention(14), { name: professorLu }, mention(27)],
      },
    },
    {
      contact: 26,
      minutesAfterStart: 240,
      careKind: 'recommend',
      followUpTitle: t('把碳迹科技介绍给沈浩', "Introduce Marco Rossi to Tom Becker's Carbontrace"),
      fields: {
        howCanIHelp: t('他在建立自己的项目来源。', 'He is building his own deal flow.'),
        theirAdvice: t(
          '融资前，先让三位老客户愿意替你说话。',
          'Before raising money, get three long-time customers willing to speak for you.',
        ),
        whomShouldTheyMeet: t('唐卓。', 'Tom Becker.'),
        whomShouldIMeet: t(
          '贺明轩，他们投过他的上一家公司。',
          'He Mingxuan; the fund backed his previous company.',
        ),
        seed: t('他给我看内部的气候科技图谱。', 'He shows me their internal climate tech map.'),
        bestWayToReach: t('微信', 'WeChat'),
        cardReceived: true,
        mentions: [mention(16), mention(27)],
      },
    },
  ]

  const encounterAt = new Map<number, Date>()
  for (const plan of encounterPlans) {
    encounterAt.set(plan.contact, plus(pastStart, plan.minutesAfterStart * MINUTE))
  }

  // ---------------------------------------------------------------- contacts (records)

  const contactTimes = (n: number): { createdAt: Date; updatedAt: Date } => {
    const met = encounterAt.get(n)
    if (n === 19 || n === 20) {
      // Researched as targets before the forum, updated after meeting them.
      return { createdAt: plus(pastStart, -6 * DAY), updatedAt: plus(met ?? pastStart, HOUR) }
    }
    if (met) return { createdAt: met, updatedAt: plus(met, HOUR) }
    if (n >= 27) return { createdAt: daysAgo(3), updatedAt: daysAgo(2) }
    return { createdAt: daysAgo(60), updatedAt: daysAgo(60 - n) }
  }

  const contacts: Contact[] = contactTable.map(({ n, ...fields }) => {
    const { createdAt, updatedAt } = contactTimes(n)
    return contactSchema.parse({
      ...fields,
      id: C(n),
      createdAt: iso(createdAt),
      updatedAt: iso(updatedAt),
      demo: true,
    })
  })

  // ---------------------------------------------------------------- events

  const upcoming: RapportEvent = eventSchema.parse({
    id: DEMO_UPCOMING_EVENT_ID,
    createdAt: iso(daysAgo(20)),
    updatedAt: iso(daysAgo(2)),
    demo: true,
    name: t('中国 AI 产品创新大会', 'China AI Product Summit'),
    startsAt: iso(upcomingStart),
    endsAt: iso(upcomingEnd),
    timeZone: TIME_ZONE,
    venue: t('浦江国际会议中心', 'Pujiang International Conference Centre'),
    city: t('上海', 'Shanghai'),
    level: 'national',
    whyItMatters: t(
      '全国做 AI 产品的负责人都会来，其中有几位正在解决我们客户同样的问题；能认识他们，早餐会和我的咨询都会受益。',
      "Product leads from across the country who ship AI will be there, several of them solving our customers' exact problems; meeting them helps both the breakfast club and my consulting.",
    ),
    stretchesComfortZone: true,
    access: { route: 'organiser', status: 'asked', helperIds: [C(6)] },
    targets: [
      {
        contactId: C(27),
        rank: 1,
        stage: 'researching',
        talkingPoints: t(
          '他提到 AI 客服投诉率降不下来——问问他们怎么给对话打分，分享我们的评测清单。',
          'He said AI customer-service complaints will not come down: ask how they score conversations, offer our evaluation checklist.',
        ),
      },
      {
        contactId: C(28),
        rank: 2,
        stage: 'ready',
        talkingPoints: t(
          '学校采购太慢；可以帮她在早餐会里找试用的老师。',
          'School procurement is slow; offer to find pilot teachers through the breakfast club.',
        ),
      },
      {
        contactId: C(22),
        rank: 3,
        stage: 'ready',
        talkingPoints: t(
          '第一天午饭；带上两个用 AI 节能的团队名单。',
          'Lunch on day one; bring the names of two teams using AI to save energy.',
        ),
      },
      {
        contactId: C(12),
        rank: 4,
        stage: 'ready',
        talkingPoints: t(
          '谢谢他帮忙；推荐两位分论坛嘉宾；约会后复盘。',
          'Thank him for the help; suggest two breakout speakers; book the post-summit review.',
        ),
      },
      {
        contactId: C(29),
        rank: 5,
        stage: 'researching',
        talkingPoints: t(
          '先读他最近的两篇文章，再想能帮上什么。',
          'Read his two latest articles first, then work out how I can help.',
        ),
      },
      {
        contactId: C(30),
        rank: 6,
        stage: 'researching',
        talkingPoints: t(
          '圆桌之后提一个具体的问题；她在找一线案例。',
          'Ask one specific question after the panel; she is looking for real cases.',
        ),
      },
      {
        contactId: C(14),
        rank: 7,
        stage: 'researching',
        talkingPoints: t(
          '问他的课题组是否需要真实的 AI 产品用户访谈。',
          'Ask whether his lab needs real user interviews about AI products.',
        ),
      },
      {
        contactId: C(10),
        rank: 8,
        stage: 'ready',
        talkingPoints: t(
          '小团队怎么做 AI 功能的定价；介绍早餐会里做过的人。',
          'How a small team prices an AI feature; introduce someone from the breakfast club who has done it.',
        ),
      },
      {
        contactId: C(21),
        rank: 9,
        stage: 'researching',
        talkingPoints: t(
          '储能行业的客服在用哪些 AI 工具？',
          'Which AI tools does customer service in energy storage use?',
        ),
      },
      {
        contactId: C(16),
        rank: 10,
        stage: 'paused',
        pausedReason: t('两次留言没有回复', 'No answer to two messages'),
        talkingPoints: t(
          '如果碰到，问问碳报告改版后的反馈。',
          'If we cross paths, ask how the redesigned carbon report landed.',
        ),
      },
    ],
    url: 'https://example.com/ai-product-summit',
    notes: t(
      '已请何静怡帮忙联系韩磊，问能否以社群主理人身份参会。',
      'Asked Maya to put me in touch with Han Lei about attending as a community organiser.',
    ),
  })

  const past: RapportEvent = eventSchema.parse({
    id: DEMO_PAST_EVENT_ID,
    createdAt: iso(plus(pastStart, -14 * DAY)),
    updatedAt: iso(plus(pastEnd, DAY)),
    demo: true,
    name: pastName,
    startsAt: iso(pastStart),
    endsAt: iso(pastEnd),
    timeZone: TIME_ZONE,
    venue: pastVenue,
    city: t('杭州', 'Hangzhou'),
    level: 'city',
    whyItMatters: t(
      '气候科技是我不熟的领域，但很多团队开始用 AI；想找到第一批懂这个行业的人。',
      'Climate tech is new ground for me, but many teams there are starting to use AI; I want to meet the first people who know the field.',
    ),
    stretchesComfortZone: true,
    access: { route: 'ticket', status: 'ticketBought', helperIds: [] },
    targets: [
      {
        contactId: C(19),
        rank: 1,
        stage: 'followedUp',
        talkingPoints: t(
          '问他的客户怎么读碳报告。',
          'Ask how his customers read their carbon reports.',
        ),
      },
      {
        contactId: C(20),
        rank: 2,
        stage: 'met',
        talkingPoints: t('问她最头疼的数据问题。', 'Ask about her worst data problem.'),
      },
    ],
    notes: t('下午场，茶歇在二楼。', 'Afternoon programme; coffee breaks upstairs.'),
  })

  // ---------------------------------------------------------------- encounters and follow-ups

  const encounters: Encounter[] = []
  const followUps: FollowUp[] = []

  encounterPlans.forEach((plan, index) => {
    const n = index + 1
    const at = encounterAt.get(plan.contact) ?? pastStart
    encounters.push(
      encounterSchema.parse({
        ...plan.fields,
        id: encounterId(n),
        createdAt: iso(plus(at, 5 * MINUTE)),
        updatedAt: iso(plus(at, 5 * MINUTE)),
        demo: true,
        contactId: C(plan.contact),
        eventId: DEMO_PAST_EVENT_ID,
        at: iso(at),
      }),
    )
    const doneAt =
      plan.doneAfterHours === undefined ? undefined : plus(at, plan.doneAfterHours * HOUR)
    followUps.push(
      followUpSchema.parse({
        id: followUpId(n),
        createdAt: iso(plus(at, 5 * MINUTE)),
        updatedAt: iso(doneAt ?? plus(at, 5 * MINUTE)),
        demo: true,
        contactId: C(plan.contact),
        encounterId: encounterId(n),
        eventId: DEMO_PAST_EVENT_ID,
        title: plan.followUpTitle,
        dueAt: iso(plus(at, DAY)),
        ...(doneAt ? { doneAt: iso(doneAt) } : {}),
        careKind: plan.careKind,
      }),
    )
  })

  // A promise from the forum, still open and overdue.
  const yeAt = encounterAt.get(23) ?? pastStart
  followUps.push(
    followUpSchema.parse({
      id: followUpId(9),
      createdAt: iso(plus(yeAt, 6 * MINUTE)),
      updatedAt: iso(plus(yeAt, 6 * MINUTE)),
      demo: true,
      contactId: C(23),
      encounterId: encounterId(5),
      eventId: DEMO_PAST_EVENT_ID,
      title: t(
        '兑现承诺：把小企业访谈笔记发给叶子豪',
        'Promise: send Ye Zihao the small-business interview notes',
      ),
      dueAt: iso(plus(pastStart, 3 * DAY)),
      careKind: 'share',
      promise: true,
      notes: t('先去掉客户名称和联系方式。', 'Remove client names and contact details first.'),
    }),
  )
  // Two upcoming ones.
  followUps.push(
    followUpSchema.parse({
      id: followUpId(10),
      createdAt: iso(daysAgo(10)),
      updatedAt: iso(daysAgo(10)),
      demo: true,
      contactId: C(15),
      title: t(
        '兑现承诺：帮田甜打听计算机专业的情况',
        "Promise: ask around about computer science programmes for Tian Tian's son",
      ),
      dueAt: iso(shanghaiAt(now, 2, 10)),
      careKind: 'support',
      promise: true,
      notes: t('可以问问梁博，他在大学里。', 'Liang Bo teaches at a university; ask him.'),
    }),
    followUpSchema.parse({
      id: followUpId(11),
      createdAt: iso(daysAgo(1)),
      updatedAt: iso(daysAgo(1)),
      demo: true,
      contactId: C(1),
      title: t('给思远的生日订火锅', "Book the hotpot place for Siyuan's birthday"),
      dueAt: iso(shanghaiAt(now, 4, 12)),
      careKind: 'company',
      notes: t('老地方，六个人。', 'The usual place, table for six.'),
    }),
  )

  // Keep-in-touch history for the circle: each one was last contacted so that their next touch
  // falls on a different day. A first launch then shows a realistic two or three people due, not
  // the whole circle overdue at the same instant.
  const circle = contacts.filter((c) => c.tier !== 'outside' && !encounterAt.has(demoNumber(c.id)))
  circle.forEach((contact, index) => {
    const cadence = DEFAULT_CADENCE_DAYS[contact.tier] ?? 30
    // Days until the next touch: two a little overdue, one due today, the rest spread ahead.
    const spread = [-1.5, -0.4, 0.5][index] ?? 1.5 + ((index * 2.3) % (cadence - 2))
    const doneAt = plus(now, (spread - cadence) * DAY)
    followUps.push(
      followUpSchema.parse({
        id: `demo-touch-${pad(demoNumber(contact.id))}`,
        createdAt: iso(plus(doneAt, -DAY)),
        updatedAt: iso(doneAt),
        demo: true,
        contactId: contact.id,
        title: followUpWords.en.generatedTitle.cadence,
        titleKind: 'cadence',
        reason: 'cadence',
        dueAt: iso(plus(doneAt, -DAY)),
        doneAt: iso(doneAt),
        status: 'done',
        channel: t('微信', 'WeChat'),
      }),
    )
  })

  // ---------------------------------------------------------------- community and gathering

  const community: Community = communitySchema.parse({
    id: DEMO_COMMUNITY_ID,
    createdAt: iso(daysAgo(400)),
    updatedAt: iso(daysAgo(4)),
    demo: true,
    name: t('上海 AI 产品人早餐会', 'Shanghai AI Product Breakfast Club'),
    platform: 'wechat',
    role: 'owner',
    theme: t(
      '在上海为企业客户做 AI 功能的产品经理和设计师；每月拆解一个真实上线的案例。',
      'Product managers and designers in Shanghai who ship AI features to business customers; each month we take apart one real launch.',
    ),
    rules: t(
      '不发广告；发链接前先说一句为什么值得看；成功和失败都可以讲；群里最多六十人。',
      'No ads; say why a link is worth reading before you post it; failures are as welcome as wins; sixty members at most.',
    ),
    joiningCriteria: t(
      '正在或已经给付费客户上线 AI 功能，并由一位现有成员推荐。',
      'Has shipped, or is shipping, an AI feature to paying customers, and is recommended by a current member.',
    ),
    members: [1, 2, 3, 6, 8, 9, 10, 11, 14, 15, 21].map((n) => ({
      contactId: C(n),
      role: n === 6 ? 'organiser' : 'member',
    })),
    // A log the health check can read: questions answered by other members, and a dinner.
    activities: (
      [
        [
          5,
          'discussion',
          t(
            '上线后怎么向客户解释模型出错',
            'How to explain model mistakes to customers after launch',
          ),
          [3, 15, 2],
        ],
        [
          12,
          'question',
          t('AI 功能按席位收费还是按用量收费？', 'Price AI features per seat or per use?'),
          [21],
        ],
        [
          11,
          'answer',
          t('两种都试过：按用量更容易成交', 'Tried both: per use closes deals faster'),
          [8, 9],
        ],
        [25, 'share', t('一份客户访谈提纲', 'A customer interview guide'), [6]],
        [
          40,
          'gathering',
          t('月度晚餐：AI 客服复盘', 'Monthly dinner: an AI support launch, taken apart'),
          [1, 2, 6, 8, 9, 10, 11, 14],
        ],
        [70, 'question', t('有没有靠谱的标注外包？', 'Any reliable labelling vendors?'), [10]],
      ] as const
    ).map(([days, kind, title, people], index) => ({
      id: `demo-activity-${String(index + 1).padStart(2, '0')}`,
      at: iso(daysAgo(days)),
      kind,
      title,
      participantIds: people.map((n) => C(n)),
    })),
    notes: t(
      '最活跃的是周二早上的问答；新成员入群后请他们先做一句话自我介绍。',
      'Tuesday morning Q&A is the liveliest; new members start with a one-line introduction.',
    ),
  })

  const gathering: Gathering = gatheringSchema.parse({
    id: DEMO_GATHERING_ID,
    createdAt: iso(daysAgo(6)),
    updatedAt: iso(daysAgo(1)),
    demo: true,
    communityId: DEMO_COMMUNITY_ID,
    title: t(
      '月度晚餐：客户真正愿意付费的 AI 功能',
      'Monthly dinner: AI features customers actually pay for',
    ),
    startsAt: iso(gatheringStart),
    timeZone: TIME_ZONE,
    venue: t('静安区 · 云岭小馆（二楼长桌）', "Yunling Kitchen, Jing'an (long table upstairs)"),
    budgetPerPerson: 180,
    currency: 'CNY',
    bill: { mode: 'equal' },
    attendees: [1, 2, 6, 8, 9, 10, 11, 14, 15, 21].map((n) => ({
      contactId: C(n),
      rsvp: n === 21 ? 'maybe' : 'yes',
    })),
    tables: [{ shape: 'long', seatsPerSide: 6 }],
    constraints: [{ a: C(21), b: C(8), kind: 'together' }],
    notes: t(
      '彭宇航第一次来，安排他坐在吴佳旁边。',
      'First dinner for Peng Yuhang; seat him next to Priya.',
    ),
  })

  // ---------------------------------------------------------------- relationships

  const relationshipTable: [number, number, Relationship['kind'], string][] = [
    [2, 8, 'mentor', t('周婉清是吴佳的老领导和导师', 'Zhou Wanqing mentored Priya at Yunfan')],
    [2, 10, 'introduced', t('饭局上介绍认识', 'Introduced over dinner')],
    [8, 9, 'colleague', t('都在知行 AI', 'Both at Zhixing AI')],
    [6, 12, 'knows', t('合办过几场活动', 'Have co-hosted several events')],
    [
      4,
      13,
      'introduced',
      t('青木资本年会上介绍', "Introduced at Greenwood Capital's annual meeting"),
    ],
    [3, 14, 'family', t('夫妻', 'Married')],
    [19, 23, 'introduced', t('在论坛上介绍认识', 'Introduced at the forum')],
    [16, 24, 'introduced', t('在论坛上介绍认识', 'Introduced at the forum')],
    [20, 26, 'colleague', t('都在远山资本', 'Both at Farhill Ventures')],
    [5, 22, 'knows', t('都跑科技口', 'Both cover technology')],
    [7, 18, 'knows', t('经常一起办企业座谈会', 'Often run company round tables together')],
    [12, 27, 'knows', t('去年请他做过主论坛嘉宾', 'Booked him as a keynote speaker last year')],
  ]

  const relationships: Relationship[] = relationshipTable.map(([from, to, kind, note], index) =>
    relationshipSchema.parse({
      id: relationshipId(index + 1),
      createdAt: iso(daysAgo(30)),
      updatedAt: iso(daysAgo(30)),
      demo: true,
      fromId: C(from),
      toId: C(to),
      kind,
      note,
    }),
  )

  return {
    contacts,
    events: [upcoming, past],
    encounters,
    // The queue's reason and status follow from what each demo follow-up already says.
    followUps: followUps.map((f) =>
      f.reason === 'cadence'
        ? f
        : {
            ...f,
            reason: f.promise ? 'promise' : f.encounterId ? 'afterMeeting' : 'custom',
            status: f.doneAt ? 'done' : 'open',
          },
    ),
    communities: [community],
    gatherings: [gathering],
    relationships,
  }
}
