print("rosplay: not yet")
