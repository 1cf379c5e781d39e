import { Route, Routes } from 'react-router-dom'
import { CommunitiesPage } from './CommunitiesPage'

/** The routes under /communities. */
export function CommunitiesSection() {
  return (
    <Routes>
      <Route index element={<CommunitiesPage />} />
    </Routes>
  )
}
