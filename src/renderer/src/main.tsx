import '@mantine/core/styles.css'
import '@mantine/notifications/styles.css'
import './narrow/narrow.css'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { createApi, pickBridge } from './api/createApi'
import { initI18n } from './i18n'

async function boot(): Promise<void> {
  await initI18n()
  const api = createApi(await pickBridge())
  const root = document.getElementById('root')
  if (!root) throw new Error('index.html lacks #root')
  createRoot(root).render(<App api={api} />)
}

void boot()
