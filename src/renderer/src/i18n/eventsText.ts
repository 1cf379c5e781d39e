/** The events pages' strings; en and zh-CN keys mirror each other (a unit test checks it). */
export const eventsEn = {
  title: 'Events',
  empty: 'No events yet.',
  targets_one: '{{count}} target',
  targets_other: '{{count}} targets',
  upcoming: 'Upcoming',
  past: 'Past',
  level: { city: 'City', national: 'National', global: 'Global' },
  notYet: 'Planning, target lists, the prep dossier and in-room capture are not built yet.',
}
export const eventsZh = {
  title: '活动',
  empty: '还没有活动。',
  targets_one: '{{count}} 位目标人物',
  targets_other: '{{count}} 位目标人物',
  upcoming: '即将举行',
  past: '已结束',
  level: { city: '城市级', national: '全国级', global: '国际级' },
  notYet: '活动筹备、目标名单、准备资料和现场速记功能还没有做好。',
}
