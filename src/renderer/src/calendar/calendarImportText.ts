/** Strings of importing past meetings from a calendar file; en and zh-CN mirror each other. */
export const calendarImportEn = {
  open: 'Import meetings from a calendar file…',
  title: 'Import past meetings from a calendar file',
  hint: 'An .ics export from Google Calendar, Outlook or Apple Calendar. Every past meeting with a contact (matched by email) becomes a conversation on their card; meetings you declined and cancelled ones are left out. Nothing is saved until you confirm.',
  choose: 'Choose an .ics file…',
  tooLarge: 'The file is larger than 10 MB; export a shorter period.',
  reading: 'Reading {{file}}…',
  summary_one:
    '{{meetings}} past meetings read: {{encounters}} conversations with {{count}} contact ({{already}} imported before).',
  summary_other:
    '{{meetings}} past meetings read: {{encounters}} conversations with {{count}} contacts ({{already}} imported before).',
  skipped: 'Left out: {{declined}} declined, {{cancelled}} cancelled, {{future}} still to come.',
  when: 'When',
  who: 'With',
  what: 'Meeting',
  where: 'Where',
  allDay: 'all day',
  already: 'imported before',
  more: 'and {{count}} more',
  newPeople: 'Often in your calendar but not a contact',
  newPeopleHint: 'Tick the people to add as contacts; their meetings come with them.',
  meetings_one: '{{count}} meeting',
  meetings_other: '{{count}} meetings',
  nothing: 'No past meeting in this file is with one of your contacts.',
  import: 'Import {{count}} conversations',
  done_one: '{{encounters}} conversations imported, {{count}} new contact.',
  done_other: '{{encounters}} conversations imported, {{count}} new contacts.',
}

export const calendarImportZh: typeof calendarImportEn = {
  open: '从日历文件导入会面…',
  title: '从日历文件导入过去的会面',
  hint: '从谷歌日历、Outlook 或苹果日历导出的 .ics 文件。每一场与联系人（按邮箱匹配）的过去会面都会成为对方名片上的一次交流；你拒绝的会议和已取消的会议不计入。确认之前不会保存任何内容。',
  choose: '选择 .ics 文件…',
  tooLarge: '文件超过 10 MB，请导出较短的时间段。',
  reading: '正在读取 {{file}}…',
  summary_one:
    '读取了 {{meetings}} 场过去的会面：与 {{count}} 位联系人共 {{encounters}} 次交流（其中 {{already}} 次之前已导入）。',
  summary_other:
    '读取了 {{meetings}} 场过去的会面：与 {{count}} 位联系人共 {{encounters}} 次交流（其中 {{already}} 次之前已导入）。',
  skipped: '未计入：已拒绝 {{declined}} 场，已取消 {{cancelled}} 场，尚未发生 {{future}} 场。',
  when: '时间',
  who: '联系人',
  what: '会面',
  where: '地点',
  allDay: '全天',
  already: '之前已导入',
  more: '另有 {{count}} 条',
  newPeople: '常在日历中出现、但还不是联系人的人',
  newPeopleHint: '勾选要添加为联系人的人，他们的会面会一并导入。',
  meetings_one: '{{count}} 场会面',
  meetings_other: '{{count}} 场会面',
  nothing: '这个文件里没有与你的联系人的过去会面。',
  import: '导入 {{count}} 次交流',
  done_one: '已导入 {{encounters}} 次交流，新增 {{count}} 位联系人。',
  done_other: '已导入 {{encounters}} 次交流，新增 {{count}} 位联系人。',
}

/** Why a calendar file was refused, by the `reason` the core gives (see errorText). */
export const calendarImportReasonsEn = {
  notIcs: '{{file}} is not a calendar file that Rapport can read (.ics, BEGIN:VCALENDAR).',
  tooManyMeetings:
    '{{file}} holds more than {{limit}} meetings; export a shorter period and try again.',
}

export const calendarImportReasonsZh: typeof calendarImportReasonsEn = {
  notIcs: '{{file}} 不是 Rapport 能读取的日历文件（应为 .ics 格式）。',
  tooManyMeetings: '{{file}} 包含超过 {{limit}} 场会面，请导出较短的时间段后再试。',
}
