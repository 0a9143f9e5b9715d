import type { FeatureFactory } from "../kernel/feature.ts";
import { committeesFeature } from "./committees/index.ts";
import { linkingFeature } from "./linking/index.ts";
import { meetingsFeature } from "./meetings/index.ts";
import { membershipFeature } from "./membership/index.ts";
import { reportsFeature } from "./reports/index.ts";

/** Every feature the bot runs with, in menu order. */
export const allFeatures: FeatureFactory[] = [meetingsFeature, reportsFeature, committeesFeature, linkingFeature, membershipFeature];
