import {
  DEFAULT_THEME,
  createTheme,
  type CSSVariablesResolver,
  type NotificationProps,
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
      // Plain objects rather than Component.extend, so Modal and Drawer stay out of the first
      // screen's code until a page uses them.
      Notification: {
        defaultProps: { closeButtonProps },
        // Mantine draws a titled toast's text in gray 6 (3.3:1); use the readable dimmed grey.
        styles: (_theme: unknown, props: NotificationProps) =>
          props.title ? { description: { color: 'var(--mantine-color-dimmed)' } } : {},
      },
      Modal: { defaultProps: { closeButtonProps } },
      Drawer: { defaultProps: { closeButtonProps } },
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
