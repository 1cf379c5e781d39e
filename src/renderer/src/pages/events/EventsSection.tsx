import { Route, Routes } from 'react-router-dom'
import { EventsPage } from './EventsPage'

/** The routes under /events. */
export function EventsSection() {
  return (
    <Routes>
      <Route index element={<EventsPage />} />
    </Routes>
  )
}
