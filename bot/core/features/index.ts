import type { FeatureFactory } from "../feature.ts";
import { linkingFeature } from "./linking.ts";
import { meetingsFeature } from "./meetings/index.ts";

/** Every feature the bot runs with, in menu order. */
export const allFeatures: FeatureFactory[] = [meetingsFeature, linkingFeature];
