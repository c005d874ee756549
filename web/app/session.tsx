import { useQuery } from "@tanstack/react-query";
import { createContext, type ReactNode, use } from "react";
import type { Action } from "../../contracts/access.ts";
import type { Me } from "../../contracts/auth.ts";
import { ApiError, api } from "./api-client.ts";

export const meQueryKey = ["auth", "me"] as const;

/** Who is signed in, or null when nobody is (a 401 is an answer here, not an error). */
export async function fetchMe(): Promise<Me | null> {
  try {
    return await api.get<Me>("/api/auth/me", undefined, { quiet401: true });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

let early: Promise<Me | null> | null = null;
/** The early question's answer once it is in, taken by the first query as its data (no loading screen). */
let earlyAnswer: { me: Me | null } | null = null;

/**
 * Asks who is signed in before the app has rendered (the phone's entry calls it first thing), so the first
 * screen does not wait for the texts and the first render to start the request; the first query takes its answer.
 */
export function askMeEarly() {
  if (!early) {
    early = fetchMe();
    early.then(
      (me) => {
        earlyAnswer = { me };
      },
      () => undefined,
    );
  }
}

/** Settles when the early question is answered (or failed): the phone renders its first screen after it. */
export function meAnswered(): Promise<unknown> {
  return early ? early.catch(() => undefined) : Promise.resolve();
}

export function useMeQuery() {
  return useQuery({
    queryKey: meQueryKey,
    queryFn: () => {
      const answer = early ?? fetchMe();
      early = null;
      return answer;
    },
    // Answered before the first render: the first screen draws with it at once instead of a loading screen.
    initialData: () => {
      const answer = earlyAnswer;
      if (!answer) return undefined;
      earlyAnswer = null;
      early = null;
      return answer.me;
    },
    staleTime: 5 * 60_000,
    retry: false,
  });
}

const MeContext = createContext<Me | null>(null);

export function MeProvider({ me, children }: { me: Me; children: ReactNode }) {
  return <MeContext value={me}>{children}</MeContext>;
}

/** The signed-in account; only usable below the auth guard. */
export function useMe(): Me {
  const me = use(MeContext);
  if (!me) throw new Error("useMe outside MeProvider");
  return me;
}

export function useCan(): (action: Action) => boolean {
  const me = useMe();
  return (action) => me.actions.includes(action);
}
