/** Strings of the important-date editor with its lunar dates; en and zh-CN mirror each other. */
export const lunarEn = {
  calendar: 'Calendar',
  gregorian: 'Gregorian',
  lunar: 'Lunar (农历)',
  next: 'Next: {{when}}',
}

export const lunarZh: typeof lunarEn = {
  calendar: '历法',
  gregorian: '公历',
  lunar: '农历',
  next: '下一次：{{when}}',
}
