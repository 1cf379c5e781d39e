import { Alert } from '@mantine/core'
import { useTranslation } from 'react-i18next'

/** An honest label on pages whose features are planned but not built. */
export function NotYetNotice({ children }: { children: React.ReactNode }) {
  const { t } = useTranslation()
  return (
    <Alert variant="light" color="gray" title={t('common.notYet')} data-testid="not-yet">
      {children}
    </Alert>
  )
}
