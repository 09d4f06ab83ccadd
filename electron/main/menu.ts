// A deliberately small menu: quitting, the standard editing commands (so copy/paste
// shortcuts work everywhere) and, in development only, reload and developer tools.
// Zoom is not here: the renderer handles it and keeps it in the user's settings.
import { app, Menu, type MenuItemConstructorOptions } from 'electron'
import type { Locale } from '../../src/core/domain'

const LABELS = {
  vi: {
    file: 'Tệp',
    quit: 'Thoát',
    edit: 'Sửa',
    undo: 'Hoàn tác',
    redo: 'Làm lại',
    cut: 'Cắt',
    copy: 'Sao chép',
    paste: 'Dán',
    selectAll: 'Chọn tất cả',
    view: 'Xem',
    reload: 'Tải lại',
    devTools: 'Công cụ nhà phát triển',
    fullScreen: 'Toàn màn hình',
  },
  en: {
    file: 'File',
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
    fullScreen: 'Full Screen',
  },
} as const

/** Built once at start-up in the language of the saved settings. */
export function installMenu(locale: Locale): void {
  const t = LABELS[locale]
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    { label: t.file, submenu: [{ role: 'quit', label: t.quit }] },
    {
      label: t.edit,
      submenu: [
        { role: 'undo', label: t.undo },
        { role: 'redo', label: t.redo },
        { type: 'separator' },
        { role: 'cut', label: t.cut },
        { role: 'copy', label: t.copy },
        { role: 'paste', label: t.paste },
        { role: 'selectAll', label: t.selectAll },
      ],
    },
    {
      label: t.view,
      submenu: [
        { role: 'togglefullscreen', label: t.fullScreen },
        ...(app.isPackaged
          ? []
          : [{ type: 'separator' as const }, { role: 'reload' as const, label: t.reload }, { role: 'toggleDevTools' as const, label: t.devTools }]),
      ],
    },
  ]
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
