import type { Language } from '../../shared/model'

/** The words of the desktop glue (tray, menus, dialogs) in both interface languages. */
export interface GlueText {
  tray: {
    open: string
    capture: string
    pause: string
    quit: string
    due: (count: number) => string
  }
  menu: {
    file: string
    openDataFolder: string
    close: string
    quit: string
    edit: string
    undo: string
    redo: string
    cut: string
    copy: string
    paste: string
    selectAll: string
    view: string
    reload: string
    devTools: string
    resetZoom: string
    zoomIn: string
    zoomOut: string
    fullScreen: string
    window: string
    minimize: string
  }
  crash: { title: string; restarting: string; stopped: string }
}

export const glueText: Record<Language, GlueText> = {
  en: {
    tray: {
      open: 'Open Rapport',
      capture: 'Quick capture',
      pause: 'Pause reminders for an hour',
      quit: 'Quit',
      due: (n) => (n === 1 ? '1 follow-up due' : `${n} follow-ups due`),
    },
    menu: {
      file: 'File',
      openDataFolder: 'Open Data Folder',
      close: 'Close Window',
      quit: 'Quit',
      edit: 'Edit',
      undo: 'Undo',
      redo: 'Redo',
      cut: 'Cut',
      copy: 'Copy',
      paste: 'Paste',
      selectAll: 'Select All',
      view: 'View',
      reload: 'Reload',
      devTools: 'Developer Tools',
      resetZoom: 'Actual Size',
      zoomIn: 'Zoom In',
      zoomOut: 'Zoom Out',
      fullScreen: 'Full Screen',
      window: 'Window',
      minimize: 'Minimize',
    },
    crash: {
      title: 'Rapport',
      restarting:
        'The part of Rapport that keeps your data stopped unexpectedly and is starting again. Everything you saved is kept.',
      stopped:
        'The part of Rapport that keeps your data keeps stopping. Everything you saved is kept; please quit and open Rapport again.',
    },
  },
  'zh-CN': {
    tray: {
      open: '打开 Rapport',
      capture: '快速记录',
      pause: '暂停提醒一小时',
      quit: '退出',
      due: (n) => `${n} 条跟进到期`,
    },
    menu: {
      file: '文件',
      openDataFolder: '打开数据文件夹',
      close: '关闭窗口',
      quit: '退出',
      edit: '编辑',
      undo: '撤销',
      redo: '重做',
      cut: '剪切',
      copy: '复制',
      paste: '粘贴',
      selectAll: '全选',
      view: '视图',
      reload: '重新加载',
      devTools: '开发者工具',
      resetZoom: '实际大小',
      zoomIn: '放大',
      zoomOut: '缩小',
      fullScreen: '全屏',
      window: '窗口',
      minimize: '最小化',
    },
    crash: {
      title: 'Rapport',
      restarting: 'Rapport 负责保存数据的部分意外停止，正在重新启动。已保存的内容都还在。',
      stopped: 'Rapport 负责保存数据的部分反复停止。已保存的内容都还在；请退出后重新打开 Rapport。',
    },
  },
}
