/** The map pages' strings; en and zh-CN keys mirror each other (a unit test checks it). */
export const mapEn = {
  title: 'Relationship map',
  notYet: 'The map of your whole network is not built yet.',
  summary: '{{contacts}} contacts, {{relationships}} known connections between them.',
}
export const mapZh = {
  title: '人脉关系图',
  notYet: '整个人脉网络的关系图还没有做好。',
  summary: '{{contacts}} 位联系人，彼此之间有 {{relationships}} 条已知关系。',
}
