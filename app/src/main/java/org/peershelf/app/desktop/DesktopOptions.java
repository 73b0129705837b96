package org.peershelf.app.desktop;

import java.time.Duration;
import org.peershelf.app.config.AppSettings;

/**
 * How the desktop app was started: the settings from flags and the profile (the registry may still
 * change in onboarding), how long the registry Test may take, and what to do once the device is offline
 * ({@code Platform::exit} for a person, closing the stage for tests that share one toolkit).
 */
public record DesktopOptions(AppSettings settings, Duration probeTimeout, Runnable afterLeaving) {
}
