/**
 * What a form says under a field that failed validation, worded from the code (never
 * zod's English message); en and zh-CN keys mirror each other.
 */
export const formsEn = {
  required: 'Required',
  requiredNamed: '{{field}} is required',
  tooLong: 'Too long: at most {{limit}} characters',
  tooShort: 'Too short: at least {{limit}} characters',
  tooMany: 'Too many: at most {{limit}}',
  tooFew: 'Add at least {{limit}}',
  tooBig: 'At most {{limit}}',
  tooSmall: 'At least {{limit}}',
  notWhole: 'A whole number, please',
  email: 'Not a valid email address, e.g. name@example.com',
  url: 'Not a valid web address; it starts with https://',
  date: 'Not a valid date',
  dateTime: 'Not a valid date and time',
  timeZone: 'Not a time zone this computer knows, e.g. Asia/Shanghai',
  currency: 'A three-letter currency code, e.g. CNY',
  option: 'Choose one of the options',
  invalid: 'This value is not valid',
  /** Rules of the core's own, by the issue's `reason`. */
  reasons: {
    endBeforeStart: 'Ends before it starts',
    unknownTimeZone: 'Not a time zone this computer knows, e.g. Asia/Shanghai',
  },
}

export const formsZh: typeof formsEn = {
  required: '必填',
  requiredNamed: '请填写{{field}}',
  tooLong: '太长了：最多 {{limit}} 个字符',
  tooShort: '太短了：至少 {{limit}} 个字符',
  tooMany: '太多了：最多 {{limit}} 项',
  tooFew: '请至少添加 {{limit}} 项',
  tooBig: '不能大于 {{limit}}',
  tooSmall: '不能小于 {{limit}}',
  notWhole: '请填写整数',
  email: '邮箱格式不对，例如 name@example.com',
  url: '网址格式不对，应以 https:// 开头',
  date: '日期无效',
  dateTime: '日期或时间无效',
  timeZone: '这台电脑不认识这个时区，例如 Asia/Shanghai',
  currency: '请填写三个字母的货币代码，例如 CNY',
  option: '请从选项中选择',
  invalid: '填写的内容无效',
  reasons: {
    endBeforeStart: '结束时间早于开始时间',
    unknownTimeZone: '这台电脑不认识这个时区，例如 Asia/Shanghai',
  },
}
