// Which of the module's phone tiles an account sees: takings for merchants, the stage for the leader of a team.
import { useMeQuery } from "../../../app/session.tsx";
import { useMyStage } from "../api/stage.ts";

export function useTakingsTile(enabled: boolean) {
  const me = useMeQuery().data;
  return { show: enabled && me?.role === "merchant" };
}

export function useStageTile(enabled: boolean) {
  const stage = useMyStage();
  return { show: enabled && (stage.data?.teams.length ?? 0) > 0 };
}
