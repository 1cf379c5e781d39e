/** Strings of the conflict and unsaved-changes prompts; en and zh-CN keys mirror each other. */
export const editsEn = {
  conflictTitle: 'Changed in another window meanwhile',
  conflictBody:
    'Your other changes are kept. For each field below, choose which value to keep, then save again.',
  yours: 'Yours: {{value}}',
  theirs: 'Saved elsewhere: {{value}}',
  keepMine: 'Keep mine',
  takeTheirs: 'Take theirs',
  saveChoices: 'Save with these choices',
  empty: '(empty)',
  yes: 'yes',
  no: 'no',
  leaveTitle: 'Leave without saving?',
  leaveBody: 'You have changes that are not saved yet. If you leave now, they are lost.',
  stay: 'Stay and keep editing',
  leave: 'Leave and discard',
}

export const editsZh: typeof editsEn = {
  conflictTitle: '这条记录刚在另一个窗口里被修改了',
  conflictBody: '你的其他修改都还在。请为下面每一项选择保留哪个值，然后再保存一次。',
  yours: '你的：{{value}}',
  theirs: '别处保存的：{{value}}',
  keepMine: '保留我的',
  takeTheirs: '采用对方的',
  saveChoices: '按这些选择保存',
  empty: '（空）',
  yes: '是',
  no: '否',
  leaveTitle: '不保存就离开吗？',
  leaveBody: '你还有没保存的修改。现在离开，这些修改就会丢失。',
  stay: '留下继续编辑',
  leave: '离开并放弃修改',
}
