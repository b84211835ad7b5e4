// Every admin page shows this skeleton the moment a link is followed, until its data has arrived.
import { PageSkeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return <PageSkeleton />;
}
