import type { FeatureFactory } from "../feature.ts";

/** Every feature the bot runs with, in menu order. */
export const allFeatures: FeatureFactory[] = [];
