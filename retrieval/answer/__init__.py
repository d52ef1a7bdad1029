"""The answer path as stages: analyse → retrieve → filter → rank sentences → decide → date."""
