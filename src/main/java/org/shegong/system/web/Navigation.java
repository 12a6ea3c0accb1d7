package org.shegong.system.web;

import java.util.List;

/**
 * Where the page chrome gets the site navigation from. The kernel knows no columns: the column feature
 * provides this, so the chrome sits below the features that fill it.
 */
public interface Navigation {

    List<NavItem> items();
}
