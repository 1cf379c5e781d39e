import {
  DEFAULT_THEME,
  Drawer,
  Modal,
  Notification,
  createTheme,
  type CSSVariablesResolver,
} from '@mantine/core'
import { accessibleColorVariables } from './accessibleColors'

const PRIMARY = 'teal'

/**
 * The app's theme. `closeLabel` is what a screen reader says for the × of toasts, modals and
 * drawers, in the interface language (Mantine leaves them nameless).
 */
export function buildTheme(closeLabel: string) {
  const closeButtonProps = { 'aria-label': closeLabel }
  return createTheme({
    primaryColor: PRIMARY,
    fontFamily:
      'system-ui, -apple-system, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif',
    defaultRadius: 'md',
    components: {
      Notification: Notification.extend({
        defaultProps: { closeButtonProps },
        // Mantine draws a titled toast's text in gray 6 (3.3:1); use the readable dimmed grey.
        styles: (_theme, props) =>
          props.title ? { description: { color: 'var(--mantine-color-dimmed)' } } : {},
      }),
      Modal: Modal.extend({ defaultProps: { closeButtonProps } }),
      Drawer: Drawer.extend({ defaultProps: { closeButtonProps } }),
    },
  })
}

const lightVariables = accessibleColorVariables(DEFAULT_THEME.colors, PRIMARY)

/** Rapport uses the light scheme only; its colours are darkened to meet WCAG AA. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: lightVariables,
  dark: {},
})
