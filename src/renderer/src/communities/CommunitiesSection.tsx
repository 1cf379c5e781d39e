import { Route, Routes } from 'react-router-dom'
import { CommunitiesPage } from './CommunitiesPage'
import { CommunityPage } from './CommunityPage'
import { GatheringPage } from './GatheringPage'
import { PrintPage } from './PrintPage'

/** The routes under /communities. */
export function CommunitiesSection() {
  return (
    <Routes>
      <Route index element={<CommunitiesPage />} />
      <Route path="gatherings/:id" element={<GatheringPage />} />
      <Route path="gatherings/:id/print" element={<PrintPage />} />
      <Route path=":id" element={<CommunityPage />} />
    </Routes>
  )
}
