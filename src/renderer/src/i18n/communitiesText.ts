/** The communities pages' strings; en and zh-CN keys mirror each other (a unit test checks it). */
export const communitiesEn = {
  title: 'Communities',
  empty: 'No communities yet.',
  members_one: '{{count}} member',
  members_other: '{{count}} members',
  role: { owner: 'I own it', coOrganiser: 'I co-organise it', member: 'Member' },
  gatherings: 'Gatherings',
  attendees_one: '{{count}} attendee',
  attendees_other: '{{count}} attendees',
  notYet: 'Health checks, gathering planning and seating are not built yet.',
}
export const communitiesZh = {
  title: '社群',
  empty: '还没有社群。',
  members_one: '{{count}} 位成员',
  members_other: '{{count}} 位成员',
  role: { owner: '我是群主', coOrganiser: '我是联合组织者', member: '成员' },
  gatherings: '聚会',
  attendees_one: '{{count}} 人参加',
  attendees_other: '{{count}} 人参加',
  notYet: '社群健康度、聚会筹划和座位安排还没有做好。',
}
